import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RollSummary } from '../../api/roll.types';
import { formatElectionDay } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { buildPanelState } from '../../roll/roll-screen';
import { errorMessage } from '../error-message';
import { clock, number } from './roll-parts.view';

/** Builds the roll as of the cut-off day from the last import; says when and by whom it was built. */
export function buildPanel(electionId: string, summary: RollSummary | null, onBuilt: () => void): HTMLElement {
  const state = buildPanelState(summary);
  const button = h(
    'button',
    { type: 'button', class: 'button button-primary', id: 'roll-build', disabled: state.disabled },
    t(state.label),
  );
  const output = h('div', { 'aria-live': 'polite' });
  button.addEventListener('click', () => {
    button.disabled = true;
    output.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('roll.building')));
    officeApi.buildRoll(electionId).then(
      (result) => {
        output.replaceChildren(
          h(
            'div',
            { class: 'alert alert-success', role: 'status' },
            t('roll.built', {
              voters: number(result.voters),
              residents: number(result.residents),
              unassigned: number(result.unassigned),
            }),
          ),
        );
        onBuilt();
      },
      (error: unknown) => {
        button.disabled = false;
        output.replaceChildren(h('div', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t)));
      },
    );
  });
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'build-title' },
    h('h2', { id: 'build-title', class: 'section-title' }, t('roll.buildTitle')),
    summary?.outdated ? h('p', { class: 'alert alert-warning', id: 'roll-outdated' }, t('roll.outdated')) : null,
    h('p', { class: 'form-hint' }, t(state.hint, { day: summary ? formatElectionDay(summary.cutoffDay, currentLanguage()) : '' })),
    summary?.builtAt
      ? h(
          'p',
          { class: 'card-meta' },
          t('roll.builtAt', {
            time: `${formatElectionDay(summary.builtAt.slice(0, 10), currentLanguage())}, ${clock(summary.builtAt)}`,
            user: summary.builtBy ?? '–',
          }),
        )
      : null,
    button,
    output,
  );
}
