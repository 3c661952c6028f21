import { h, saveFile } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RollSummary } from '../../api/roll.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

/** The printed roll of one polling district (R1.13) as PDF for the board, or CSV. */
export function rollPrintsPanel(electionId: string, summary: RollSummary | null): HTMLElement | null {
  if (!summary || summary.status === 'not-built' || summary.districts.length === 0) return null;
  const district = h(
    'select',
    { id: 'roll-print-district', class: 'select' },
    summary.districts.map((d) => h('option', { value: d.districtId }, `${d.number} ${d.name}`)),
  );
  const output = h('div', { 'aria-live': 'polite' });
  const fetchFile = (format: 'pdf' | 'csv'): void => {
    output.replaceChildren();
    officeApi.rollFile(electionId, district.value, format).then(
      ({ blob, fileName }) => saveFile(blob, fileName ?? `waehlerverzeichnis.${format}`),
      (error: unknown) =>
        output.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t))),
    );
  };
  return h(
    'section',
    { class: 'card panel', id: 'roll-prints', 'aria-labelledby': 'roll-prints-title' },
    h('h2', { id: 'roll-prints-title', class: 'section-title' }, t('rollPrints.title')),
    h('div', { class: 'field' }, h('label', { for: district.id }, t('rollPrints.district')), district),
    h(
      'div',
      { class: 'button-row' },
      h(
        'button',
        { type: 'button', class: 'button button-secondary', id: 'roll-print-pdf', onclick: () => fetchFile('pdf') },
        t('rollPrints.pdf'),
      ),
      h(
        'button',
        { type: 'button', class: 'button button-secondary', id: 'roll-print-csv', onclick: () => fetchFile('csv') },
        t('rollPrints.csv'),
      ),
    ),
    output,
  );
}
