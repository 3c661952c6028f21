import type { QuickReport } from '@wahl/domain';
import type { DistrictState, FormField, ReportComparison, ReportForm, ReportVersion } from '../api/election-night.types';
import { formatClockTime, formatNumber } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { STATE_SYMBOLS } from '../reports/district-states';
import { formSections, valuesFromReport } from '../reports/report-entry';
import { h } from '@wahl/web-kit';

// Pieces shared by the board screens and the office dashboard: the state badge (symbol + text,
// colour only repeats it), a district's heading, a version's numbers, two versions side by side.

export function stateBadge(state: DistrictState, options: { readonly id?: string } = {}): HTMLElement {
  return h(
    'span',
    { class: `state state-${state}`, id: options.id, 'data-state': state },
    h('span', { class: 'state-symbol', 'aria-hidden': 'true' }, STATE_SYMBOLS[state]),
    h('span', { class: 'state-text' }, t(`state.${state}`)),
  );
}

/** The field's label as the board reads it on paper; a list shows its short name and full name. */
export function fieldLabel(field: FormField & { readonly shortName?: string; readonly name?: string }): Node[] {
  if (field.shortName) {
    return [
      h('span', { class: 'entry-list-name' }, field.shortName),
      field.name && field.name !== field.shortName ? h('span', { class: 'entry-list-full' }, field.name) : null,
    ].filter((node): node is HTMLElement => node !== null);
  }
  return [document.createTextNode(field.label)];
}

const numberText = (value: string): string => (value === '' ? '–' : formatNumber(Number(value), currentLanguage()));

type Row = { readonly letter: string; readonly field: FormField & { readonly shortName?: string; readonly name?: string } };

function rowsOf(form: ReportForm): { readonly title: string; readonly rows: readonly Row[] }[] {
  const sections = formSections(form).map((section) => ({
    title: 'key' in section.title ? t(section.title.key) : section.title.text,
    rows: section.fields.map((field) => ({ letter: field.letter, field })),
  }));
  const marked = form.extra.find((field) => field.letter === 'markedCount');
  if (marked)
    sections.push({
      title: t('entry.section.extra'),
      rows: [{ letter: 'markedCount', field: { ...marked, label: t('entry.markedLabel') } }],
    });
  return sections;
}

const keyCell = (letter: string): HTMLElement | null => (letter === 'markedCount' ? null : h('span', { class: 'key' }, letter));

/** A version's numbers, read-only, in form order (read back on the phone, checked before approving). */
export function reportTable(form: ReportForm, report: QuickReport, caption: string): HTMLElement {
  const values = valuesFromReport(form, report);
  return h(
    'section',
    { class: 'numbers', 'aria-label': caption },
    rowsOf(form).map((section) =>
      h(
        'table',
        { class: 'numbers-table' },
        h('caption', {}, section.title),
        h(
          'tbody',
          {},
          section.rows.map((row) =>
            h(
              'tr',
              { 'data-field': row.letter },
              h('th', { scope: 'row' }, keyCell(row.letter), h('span', { class: 'numbers-label' }, fieldLabel(row.field))),
              h('td', {}, numberText(values[row.letter] ?? '')),
            ),
          ),
        ),
      ),
    ),
    report.comment ? h('p', { class: 'numbers-comment' }, h('strong', {}, `${t('entry.comment')}: `), report.comment) : null,
  );
}

/** "Version 1 · Erika Muster · 18:12" */
export const versionCaption = (version: ReportVersion): string =>
  t('report.versionBy', {
    version: version.version,
    name: version.enteredBy.name,
    time: formatClockTime(new Date(version.enteredAt), currentLanguage()),
  });

/**
 * Two versions side by side. The differing fields come first, each marked with "≠" and a text (not
 * only a colour); every field of both versions follows in a disclosure, so nothing is hidden.
 */
export function compareTable(form: ReportForm, comparison: ReportComparison): HTMLElement {
  const left = valuesFromReport(form, comparison.left.report);
  const right = valuesFromReport(form, comparison.right.report);
  const differing = new Set(comparison.differences.map((difference) => difference.field));
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, t('compare.field')),
      h('th', { scope: 'col' }, t('compare.version', { version: comparison.left.version })),
      h('th', { scope: 'col' }, t('compare.version', { version: comparison.right.version })),
    ),
  );
  const line = (row: Row): HTMLElement => {
    const differs = differing.has(row.letter);
    return h(
      'tr',
      { class: differs ? 'compare-differs' : undefined, 'data-field': row.letter },
      h(
        'th',
        { scope: 'row' },
        keyCell(row.letter),
        h('span', { class: 'numbers-label' }, fieldLabel(row.field)),
        differs ? h('span', { class: 'compare-mark' }, h('span', { 'aria-hidden': 'true' }, '≠ '), t('compare.differs')) : null,
      ),
      h('td', {}, numberText(left[row.letter] ?? '')),
      h('td', {}, numberText(right[row.letter] ?? '')),
    );
  };
  const sections = rowsOf(form);
  const differingRows = sections.flatMap((section) => section.rows.filter((row) => differing.has(row.letter)));
  return h(
    'div',
    { class: 'compare' },
    h(
      'p',
      { class: 'compare-summary', role: 'status' },
      comparison.identical
        ? t('compare.identical')
        : t('compare.differences', { count: comparison.differences.length, fields: comparison.differences.map((d) => d.field).join(', ') }),
    ),
    h(
      'ul',
      { class: 'compare-versions' },
      [comparison.left, comparison.right].map((version) =>
        h(
          'li',
          {},
          h('strong', {}, t('compare.version', { version: version.version })),
          ` – ${version.enteredBy.name}, ${t('compare.at', { time: formatClockTime(new Date(version.enteredAt), currentLanguage()) })}`,
        ),
      ),
    ),
    differingRows.length
      ? h(
          'table',
          { class: 'compare-table compare-diff' },
          h('caption', { class: 'sr-only' }, t('compare.diffCaption')),
          head,
          h('tbody', {}, differingRows.map(line)),
        )
      : null,
    h(
      'details',
      { class: 'compare-all' },
      h('summary', {}, t('compare.showAll')),
      h(
        'table',
        { class: 'compare-table' },
        h('caption', { class: 'sr-only' }, t('compare.caption')),
        head.cloneNode(true),
        h(
          'tbody',
          {},
          sections.flatMap((section) => [
            h('tr', { class: 'compare-section' }, h('th', { scope: 'colgroup', colspan: 3 }, section.title)),
            ...section.rows.map(line),
          ]),
        ),
      ),
    ),
  );
}

/** "Wahlbezirk 0101 – Altstadt" with the polling station below. */
export function districtHeading(form: ReportForm, aside?: Node): HTMLElement {
  const { district } = form;
  return h(
    'div',
    { class: 'district-heading' },
    h(
      'div',
      {},
      h('p', { class: 'eyebrow' }, form.election.name),
      h(
        'h1',
        { tabindex: '-1' },
        t(district.kind === 'postal' ? 'report.postalDistrictTitle' : 'report.districtTitle', {
          number: district.number,
          name: district.name,
        }),
      ),
      district.pollingStation ? h('p', { class: 'lead' }, district.pollingStation.name) : null,
    ),
    aside ?? null,
  );
}
