import { formatCount, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { PostalCertificate, PostalSupplementaryList } from '../../api/postal.types';
import { t } from '../../i18n/i18n';
import { describe, notice, pdfButton } from './postal-parts.view';

// R1.16 (BWO § 53(2)): the Nachtragsliste "W" of one polling district for its board: certificates
// first issued after the roll was closed, the district's invalid ones, and A1/A2 at closing and now.

const person = (c: PostalCertificate): string =>
  c.voter ? `${c.number} · ${c.voter.name} · ${t('supplementary.rollNumber', { number: String(c.voter.voterNumber) })}` : c.number;

function listOf(items: readonly PostalCertificate[], id: string, empty: string): HTMLElement {
  if (items.length === 0) return h('p', { class: 'form-hint', id }, empty);
  return h(
    'ul',
    { class: 'supplementary-list', id },
    items.map((c) => h('li', { 'data-number': c.number }, person(c))),
  );
}

function listView(electionId: string, list: PostalSupplementaryList): HTMLElement[] {
  const box = h('div', { 'aria-live': 'polite' });
  if (!list.closedAt) return [notice('warning', t('supplementary.open'))];
  const { atClosing, now } = list.counts;
  return [
    h(
      'dl',
      { class: 'stats', id: 'supplementary-counts' },
      h('div', { class: 'stat' }, h('dt', {}, t('supplementary.a1')), h('dd', {}, `${formatCount(atClosing.A1)} → ${formatCount(now.A1)}`)),
      h('div', { class: 'stat' }, h('dt', {}, t('supplementary.a2')), h('dd', {}, `${formatCount(atClosing.A2)} → ${formatCount(now.A2)}`)),
    ),
    h('h3', { class: 'section-title' }, t('supplementary.afterClosing', { count: String(list.afterClosing.length) })),
    listOf(list.afterClosing, 'supplementary-after', t('supplementary.none')),
    h('h3', { class: 'section-title' }, t('supplementary.invalid', { count: String(list.invalid.length) })),
    listOf(list.invalid, 'supplementary-invalid', t('supplementary.none')),
    h(
      'div',
      { class: 'button-row' },
      pdfButton(t('supplementary.pdf'), () => officeApi.supplementaryListPdf(electionId, list.district.id), box),
    ),
    box,
  ];
}

/** The Nachtragsliste W per district on screen and as PDF for the board. */
export function postalSupplementary(electionId: string): { element: HTMLElement; reload: () => void } {
  const district = h('select', { id: 'supplementary-district', class: 'select' });
  const body = h('div', { id: 'supplementary-body' });
  const reload = (): void => {
    if (!district.value) return;
    officeApi.supplementaryList(electionId, district.value).then(
      (list) => {
        body.dataset['district'] = list.district.number;
        body.replaceChildren(...listView(electionId, list));
      },
      (error: unknown) => body.replaceChildren(notice('error', describe(error))),
    );
  };
  district.addEventListener('change', reload);
  officeApi.rollSummary(electionId).then(
    (summary) => {
      district.replaceChildren(...summary.districts.map((d) => h('option', { value: d.districtId }, `${d.number} ${d.name}`)));
      reload();
    },
    (error: unknown) => body.replaceChildren(notice('error', describe(error))),
  );
  const element = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'supplementary-title', id: 'postal-supplementary' },
    h('h2', { id: 'supplementary-title', class: 'section-title' }, t('supplementary.title')),
    h('p', { class: 'form-hint' }, t('supplementary.intro')),
    h('div', { class: 'field' }, h('label', { for: district.id }, t('supplementary.district')), district),
    body,
  );
  return { element, reload };
}
