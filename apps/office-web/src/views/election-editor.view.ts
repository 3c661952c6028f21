import type { ElectionSummary } from '@wahl/contracts';
import type { ElectionDefinition } from '@wahl/domain';
import { h } from '@wahl/web-kit';
import { officeApi } from '../api/office-api';
import { COUNT_KEYS } from '../elections/definition-import-form';
import { formatElectionDay, formatNumber } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { asyncRegion, pageHeading } from './chrome.view';
import { definitionImportPanel } from './election-editor/definition-import.view';
import { boundaryImportPanel } from './election-editor/boundary-import.view';
import { districtEditPanel } from './election-editor/district-edit.view';
import { listEditPanel } from './election-editor/list-edit.view';
import { areaEditPanel } from './election-editor/area-edit.view';
import { contestEditPanel } from './election-editor/contest-edit.view';
import { stationEditPanel } from './election-editor/station-edit.view';
import { streetEditPanel } from './election-editor/street-edit.view';
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

/** "Wahl vorbereiten": what the election holds, the imports that fill it and the editors of each of its parts. */
export function electionEditorView(electionId: string): HTMLElement {
  const heading = pageHeading(t('editor.title'), t('editor.intro'));
  const content = asyncRegion(async () => {
    // The definition's rules come with this screen only (the same the API checks).
    const [election, doc, rules] = await Promise.all([
      officeApi.election(electionId),
      officeApi.definition(electionId),
      import('@wahl/domain'),
    ]);
    const intro = heading.querySelector('.lead');
    if (intro) intro.textContent = `${election.name}, ${formatElectionDay(election.electionDay, currentLanguage())}`;
    const counts = h('div', {}, countsPanel(election));
    const editors = h('div', { class: 'stack' });
    const saved = h('p', { id: 'editor-status', role: 'status', class: 'alert' });
    const showEditors = (definition: ElectionDefinition): void =>
      editors.replaceChildren(
        areaEditPanel(rules, definition, electionId, refresh),
        stationEditPanel(rules, definition, electionId, refresh),
        districtEditPanel(rules, definition, electionId, refresh),
        contestEditPanel(rules, definition, electionId, refresh),
        listEditPanel(rules, definition, electionId, refresh),
        streetEditPanel(rules, definition, electionId, refresh),
      );
    // After a change the counts and the editors show what is stored now.
    function refresh(message?: string): void {
      void Promise.all([officeApi.election(electionId), officeApi.definition(electionId)]).then(
        ([next, definition]) => {
          counts.replaceChildren(countsPanel(next));
          showEditors(definition);
          saved.className = message ? 'alert alert-success' : 'alert';
          saved.textContent = message ?? '';
        },
        () => undefined,
      );
    }
    showEditors(doc);
    return h(
      'div',
      { class: 'stack' },
      counts,
      definitionImportPanel(election, () => refresh()),
      boundaryImportPanel(election),
      saved,
      editors,
    );
  }, describe);
  return h('section', { class: 'page' }, heading, content);
}
