import type { ElectionSummary } from '@wahl/contracts';
import { h } from '@wahl/web-kit';
import { officeApi } from '../api/office-api';
import { COUNT_KEYS } from '../elections/definition-import-form';
import { formatElectionDay, formatNumber } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { asyncRegion, pageHeading } from './chrome.view';
import { definitionImportPanel } from './election-editor/definition-import.view';
import { errorMessage } from './error-message';

const describe = (error: unknown): string => errorMessage(error, currentLanguage(), t);

function countsPanel(election: ElectionSummary): HTMLElement {
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'editor-counts-title' },
    h('h2', { id: 'editor-counts-title', class: 'section-title' }, t('editor.countsTitle')),
    h(
      'dl',
      { class: 'editor-counts', id: 'editor-counts' },
      COUNT_KEYS.map((key) =>
        h(
          'div',
          { 'data-count': key },
          h('dt', {}, t(`electionImport.count.${key}`)),
          h('dd', {}, formatNumber(election.counts[key], currentLanguage())),
        ),
      ),
    ),
  );
}

/** "Wahl vorbereiten": what the election holds and the imports that fill it. */
export function electionEditorView(electionId: string): HTMLElement {
  const heading = pageHeading(t('editor.title'), t('editor.intro'));
  const content = asyncRegion(async () => {
    const election = await officeApi.election(electionId);
    const intro = heading.querySelector('.lead');
    if (intro) intro.textContent = `${election.name}, ${formatElectionDay(election.electionDay, currentLanguage())}`;
    const counts = h('div', {}, countsPanel(election));
    const refresh = (): void =>
      void officeApi.election(electionId).then(
        (next) => counts.replaceChildren(countsPanel(next)),
        () => undefined,
      );
    return h('div', { class: 'stack' }, counts, definitionImportPanel(election, refresh));
  }, describe);
  return h('section', { class: 'page' }, heading, content);
}
