import { formatCount, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { PostalIssueBatch } from '../../api/postal.types';
import { formatDateTime } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { batchFiles, describe, notice } from './postal-parts.view';

function runItem(electionId: string, run: PostalIssueBatch): HTMLElement {
  const box = h('div', {});
  const text = t('postal.runItem', {
    time: formatDateTime(run.startedAt, currentLanguage()),
    count: formatCount(run.certificates),
    user: run.issuedBy,
  });
  return h(
    'li',
    { 'data-batch': run.batchId },
    h('p', { class: 'card-title' }, text),
    batchFiles(electionId, run.batchId, box, run.certificates === 1),
    box,
  );
}

/**
 * The election's latest issuing runs, newest first, each with its certificates and labels (PDF): a run
 * cut short (page closed, connection lost) keeps its two PDFs here after its own summary is gone.
 */
export function postalRuns(electionId: string): { element: HTMLElement; reload: () => void } {
  const list = h('ul', { class: 'runs-list', id: 'postal-runs-list' });
  const reload = (): void => {
    officeApi.issueBatches(electionId).then(
      ({ items }) =>
        list.replaceChildren(
          ...(items.length ? items.map((run) => runItem(electionId, run)) : [h('li', { class: 'form-hint' }, t('postal.runsEmpty'))]),
        ),
      (error: unknown) => list.replaceChildren(h('li', {}, notice('error', describe(error)))),
    );
  };
  reload();
  const element = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'postal-runs-title', id: 'postal-runs' },
    h('h2', { id: 'postal-runs-title', class: 'section-title' }, t('postal.runsTitle')),
    h('p', { class: 'form-hint' }, t('postal.runsIntro')),
    list,
  );
  return { element, reload };
}
