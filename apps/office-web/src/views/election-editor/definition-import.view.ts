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
import { errorMessage } from '../error-message';

const describe = (error: unknown): string => errorMessage(error, currentLanguage(), t);

function previewView(preview: DefinitionImportPreview): HTMLElement {
  const number = (n: number): string => formatNumber(n, currentLanguage());
  const errors = preview.problems.filter((p) => p.severity === 'error').length;
  return h(
    'div',
    { id: 'import-preview', class: 'stack' },
    h(
      'p',
      { class: preview.canApply ? 'alert alert-success' : 'alert alert-error', role: 'status' },
      preview.canApply ? t('electionImport.ready') : t('electionImport.blocked', { count: errors }),
    ),
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
    preview.problems.length
      ? h(
          'div',
          { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'import-problems-title' },
          h(
            'table',
            { class: 'data-table', id: 'import-problems' },
            h('caption', { id: 'import-problems-title', class: 'section-title' }, t('electionImport.problemsTitle')),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t('electionImport.line')),
                h('th', { scope: 'col' }, t('electionImport.field')),
                h('th', { scope: 'col' }, t('electionImport.problem')),
              ),
            ),
            h(
              'tbody',
              {},
              preview.problems.map((p) =>
                h(
                  'tr',
                  { 'data-severity': p.severity },
                  h('td', {}, p.line > 0 ? String(p.line) : t('electionImport.wholeFile')),
                  h('td', {}, p.field ?? '–'),
                  h('td', {}, p.severity === 'warning' ? `${t('electionImport.warning')}: ${p.message}` : p.message),
                ),
              ),
            ),
          ),
        )
      : null,
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
  const output = h('div', { 'aria-live': 'polite' });
  const previewButton = h(
    'button',
    { type: 'submit', class: 'button button-secondary', id: 'import-preview-button' },
    t('electionImport.preview'),
  );
  const applyButton = h(
    'button',
    { type: 'button', class: 'button button-primary', id: 'import-apply', disabled: true },
    t('electionImport.apply'),
  );

  let pending: Parameters<typeof officeApi.previewImport>[1] | null = null;
  kind.control.addEventListener('change', () => {
    contestFields.hidden = kind.control.value !== 'candidates';
    applyButton.disabled = true;
    pending = null;
  });
  file.control.addEventListener('change', () => {
    applyButton.disabled = true;
    pending = null;
  });
  const contest = (): ImportContest => ({
    key: contestKey.control.value,
    name: contestName.control.value,
    ballotType: proposed.ballotType,
    ...(proposed.ballotType === 'council' && seatsOf(seats.control.value) !== undefined ? { seats: seatsOf(seats.control.value)! } : {}),
  });
  const fail = (error: unknown): void => {
    output.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, describe(error)));
  };

  const onPreview = (event: Event): void => {
    event.preventDefault();
    const chosen = file.control.files?.[0];
    file.setError(chosen ? null : t('electionImport.noFile'));
    if (!chosen) return file.control.focus();
    previewButton.disabled = true;
    void chosen
      .text()
      .then((csv) => {
        const request = importRequest(kind.control.value as ImportKind, chosen.name, csv, contest());
        return officeApi.previewImport(election.id, request).then((preview) => {
          output.replaceChildren(previewView(preview));
          pending = preview.canApply ? request : null;
          applyButton.disabled = !preview.canApply;
        });
      })
      .catch(fail)
      .finally(() => (previewButton.disabled = false));
  };
  applyButton.addEventListener('click', () => {
    if (!pending) return;
    applyButton.disabled = true;
    officeApi.applyImport(election.id, pending).then(
      () => {
        pending = null;
        output.replaceChildren(h('p', { class: 'alert alert-success', role: 'status', id: 'import-applied' }, t('electionImport.applied')));
        onApplied();
      },
      (error: unknown) => {
        fail(error);
        applyButton.disabled = false;
      },
    );
  });

  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'import-title', id: 'definition-import' },
    h('h2', { id: 'import-title', class: 'section-title' }, t('electionImport.title')),
    h('p', { class: 'form-hint' }, t('electionImport.intro')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: onPreview },
      h('div', { class: 'form-grid' }, kind.root, file.root),
      contestFields,
      h('div', { class: 'button-row' }, previewButton, applyButton),
    ),
    output,
  );
}
