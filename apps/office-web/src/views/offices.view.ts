import { officeApi } from '../api/office-api';
import type { Office } from '../api/office-api.types';
import { currentLanguage, t } from '../i18n/i18n';
import { asyncRegion, emptyState, pageHeading } from './chrome.view';
import { h } from '@wahl/web-kit';
import { errorMessage } from './error-message';

const officeCard = (office: Office): HTMLElement =>
  h(
    'li',
    { class: 'card card-row' },
    h(
      'div',
      { class: 'card-main' },
      h('h2', { class: 'card-title' }, office.name),
      h('p', { class: 'card-meta' }, `${t('offices.ags')} `, h('span', { class: 'mono' }, office.ags)),
    ),
    h('span', { class: 'badge' }, t(`level.${office.level}`)),
  );

/** For the provider administrator: every office (tenant) of the installation. */
export function officesView(): HTMLElement {
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const list = asyncRegion(
    async () => {
      const offices = await officeApi.offices();
      if (offices.length === 0) return emptyState(t('offices.empty'), t('offices.emptyHint'));
      count.textContent = offices.length === 1 ? t('offices.countOne') : t('offices.count', { count: offices.length });
      return h('ul', { class: 'list', id: 'office-list' }, offices.map(officeCard));
    },
    (error) => errorMessage(error, currentLanguage(), t),
  );
  return h('section', { class: 'page' }, pageHeading(t('offices.title'), t('offices.intro'), count), list);
}
