import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RetentionPlan } from '../../api/retention.types';
import { t } from '../../i18n/i18n';
import { rowsDueNow } from '../../retention/retention-screen';
import { alert, fail, number } from '../polling-cards/cards-parts.view';

/** Redraws the screen with a fresh plan and, after a dry run or a run, its outcome. */
export type RetentionChanged = (plan: RetentionPlan, notice?: string) => void;

/** The dry run (reloads the plan, deletes nothing) and the run, after a confirmation. */
export function retentionRunPanel(
  electionId: string,
  plan: RetentionPlan,
  notice: string | undefined,
  onChanged: RetentionChanged,
): HTMLElement {
  const output = h('div', { 'aria-live': 'polite', id: 'retention-output' }, notice ? alert('success', notice) : null);
  const due = rowsDueNow(plan);
  const dryRun = (): void => {
    officeApi
      .retentionPlan(electionId)
      .then((fresh) => onChanged(fresh, t('retention.dryRunResult', { count: number(rowsDueNow(fresh)) })), fail(output));
  };
  const run = (): void => {
    if (!window.confirm(t('retention.confirmRun', { count: number(due) }))) return;
    officeApi
      .runRetention(electionId)
      .then(async (result) => {
        const deleted = result.deleted.reduce((sum, entry) => sum + entry.rows, 0);
        onChanged(await officeApi.retentionPlan(electionId), t('retention.runDone', { count: number(deleted) }));
      })
      .catch(fail(output));
  };
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'retention-run-title' },
    h('h2', { id: 'retention-run-title', class: 'section-title' }, t('retention.runTitle')),
    due === 0 ? h('p', { class: 'form-hint' }, t(plan.hold ? 'retention.heldHint' : 'retention.nothingDue')) : null,
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', class: 'button button-secondary', id: 'retention-dry-run', onclick: dryRun }, t('retention.dryRun')),
      h(
        'button',
        { type: 'button', class: 'button button-primary', id: 'retention-run', disabled: due === 0, onclick: run },
        t('retention.run'),
      ),
    ),
    output,
  );
}
