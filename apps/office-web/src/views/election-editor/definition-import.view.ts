import type { DefinitionImportPreview, ElectionSummary, ImportContest } from '@wahl/contracts';
import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import {
  changedCounts,
  defaultContest,
  IMPORT_KINDS,
  importRequest,
  seatsOf,
  type ImportKind,
} from '../../elections/definition-import-form';
import { formatNumber } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { importSteps, problemsTable, readiness, type PlacedProblem } from './import-steps.view';

function previewView(preview: DefinitionImportPreview): HTMLElement {
  const number = (n: number): string => formatNumber(n, currentLanguage());
  const problems: PlacedProblem[] = preview.problems.map((p) => ({ ...p, place: p.line, detail: p.field }));
  return h(
    'div',
    { id: 'import-preview', class: 'stack' },
    readiness(preview.canApply, problems),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'import-counts-title' },
      h(
        'table',
        { class: 'data-table', id: 'import-counts' },
        h('caption', { id: 'import-counts-title', class: 'section-title' }, t('electionImport.countsTitle')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('electionImport.what')),
            h('th', { scope: 'col', class: 'num' }, t('electionImport.now')),
            h('th', { scope: 'col', class: 'num' }, t('electionImport.after')),
          ),
        ),
        h(
          'tbody',
          {},
          changedCounts(preview.before, preview.after).map((row) =>
            h(
              'tr',
              { 'data-count': row.key },
              h('th', { scope: 'row' }, t(`electionImport.count.${row.key}`)),
              h('td', { class: 'num' }, number(row.before)),
              h('td', { class: 'num' }, number(row.after)),
            ),
          ),
        ),
      ),
    ),
    preview.samples.length ? h('p', { class: 'card-meta' }, t('electionImport.samples'), ' ', preview.samples.join(' · ')) : null,
    problemsTable('import-problems', { place: t('electionImport.line'), detail: t('electionImport.field') }, problems),
  );
}

/** Choose a file and what it is, see what it creates and every problem, then apply it in one go. */
export function definitionImportPanel(election: ElectionSummary, onApplied: () => void): HTMLElement {
  const proposed = defaultContest(election.kind);
  const kind = formField({
    control: h(
      'select',
      { id: 'import-kind', class: 'select' },
      IMPORT_KINDS.map((k) => h('option', { value: k }, t(`electionImport.kind.${k}`))),
    ),
    label: t('electionImport.kindLabel'),
  });
  const file = formField({
    control: h('input', { type: 'file', id: 'import-file', accept: '.csv,text/csv,text/plain', class: 'file-input' }),
    label: t('electionImport.file'),
    hint: t('electionImport.fileHint'),
  });
  const contestKey = formField({
    control: h('input', { id: 'import-contest-key', type: 'text', value: proposed.key }),
    label: t('electionImport.contestKey'),
  });
  const contestName = formField({
    control: h('input', { id: 'import-contest-name', type: 'text', value: proposed.name }),
    label: t('electionImport.contestName'),
  });
  const seats = formField({
    control: h('input', { id: 'import-contest-seats', type: 'text', inputmode: 'numeric' }),
    label: t('electionImport.seats'),
    hint: t('electionImport.seatsHint'),
  });
  const contestFields = h(
    'div',
    { class: 'form-grid', hidden: true },
    contestKey.root,
    contestName.root,
    proposed.ballotType === 'council' ? seats.root : null,
  );
  const contest = (): ImportContest => ({
    key: contestKey.control.value,
    name: contestName.control.value,
    ballotType: proposed.ballotType,
    ...(proposed.ballotType === 'council' && seatsOf(seats.control.value) !== undefined ? { seats: seatsOf(seats.control.value)! } : {}),
  });
  const steps = importSteps({
    file: file.control,
    setFileError: file.setError,
    ids: { preview: 'import-preview-button', apply: 'import-apply', applied: 'import-applied' },
    request: (fileName, csv) => importRequest(kind.control.value as ImportKind, fileName, csv, contest()),
    preview: (request) => officeApi.previewImport(election.id, request),
    render: previewView,
    apply: (request) => officeApi.applyImport(election.id, request),
    onApplied,
  });
  kind.control.addEventListener('change', () => {
    contestFields.hidden = kind.control.value !== 'candidates';
    steps.reset();
  });

  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'import-title', id: 'definition-import' },
    h('h2', { id: 'import-title', class: 'section-title' }, t('electionImport.title')),
    h('p', { class: 'form-hint' }, t('electionImport.intro')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: steps.onPreview },
      h('div', { class: 'form-grid' }, kind.root, file.root),
      contestFields,
      h('div', { class: 'button-row' }, steps.previewButton, steps.applyButton),
    ),
    steps.output,
  );
}
