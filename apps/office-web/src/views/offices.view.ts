import { officeApi } from '../api/office-api';
import type { Office } from '../api/office-api.types';
import { currentLanguage, t } from '../i18n/i18n';
import { asyncRegion, emptyState, pageHeading } from './chrome.view';
import { h } from '@wahl/web-kit';
import { errorMessage } from './error-message';
import { routeLink, type Navigate } from './shared/route-link.view';
import { officeSetup } from './offices/create-office.view';
import { editOffice } from './offices/edit-office.view';

type OfficeActions = { readonly usersFor: (office: Office) => void; readonly saved: (office: Office) => void };

const officeCard = (office: Office, navigate: Navigate, { usersFor, saved }: OfficeActions): HTMLElement =>
  h(
    'li',
    { class: 'card card-election', 'data-office': office.ags },
    h(
      'div',
      { class: 'card-row' },
      h(
        'div',
        { class: 'card-main' },
        h('h2', { class: 'card-title' }, office.name),
        h('p', { class: 'card-meta' }, `${t('offices.ags')} `, h('span', { class: 'mono' }, office.ags)),
      ),
      h('span', { class: 'badge' }, t(`level.${office.level}`)),
    ),
    h(
      'nav',
      { class: 'card-links', 'aria-label': t('offices.screensFor', { name: office.name }) },
      routeLink(navigate, 'pull-sources', { officeId: office.id }, t('pullSources.link'), 'button button-secondary'),
      h(
        'button',
        {
          type: 'button',
          class: 'button button-secondary',
          'aria-label': t('offices.addUserLabel', { name: office.name }),
          onclick: () => usersFor(office),
        },
        t('offices.addUser'),
      ),
    ),
    editOffice(office, saved),
  );

/** For the provider administrator: every office (tenant) of the installation, new offices and their first users. */
export function officesView(navigate: Navigate): HTMLElement {
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const listBox = h('div', {});
  const load = (): void => {
    listBox.replaceChildren(
      asyncRegion(
        async () => {
          const offices = await officeApi.offices();
          if (offices.length === 0) return emptyState(t('offices.empty'), t('offices.emptyHint'));
          count.textContent = offices.length === 1 ? t('offices.countOne') : t('offices.count', { count: offices.length });
          return h(
            'ul',
            { class: 'list', id: 'office-list' },
            offices.map((office) => officeCard(office, navigate, { usersFor: setup.usersFor, saved })),
          );
        },
        (error) => errorMessage(error, currentLanguage(), t),
      ),
    );
  };
  const setup = officeSetup(load);
  const saved = (office: Office): void => {
    setup.announce(t('offices.saved', { name: office.name }));
    load();
  };
  load();
  return h('section', { class: 'page' }, pageHeading(t('offices.title'), t('offices.intro'), count), listBox, setup.element);
}
