import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { OfficeUserListEntry, SignInRecord } from '../../api/office-api.types';
import { formatDateTime } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { asyncRegion } from '../chrome.view';
import { errorMessage } from '../error-message';

const record = (entry: SignInRecord): HTMLElement =>
  h(
    'li',
    { class: `sign-in-record sign-in-${entry.succeeded ? 'ok' : 'failed'}`, 'data-succeeded': String(entry.succeeded) },
    h('span', { class: 'sign-in-time' }, formatDateTime(entry.at, currentLanguage())),
    h('strong', {}, t(entry.succeeded ? 'users.signInOk' : 'users.signInFailed')),
    h('span', {}, t(entry.knownDevice ? 'users.knownDevice' : 'users.newDevice')),
    h('span', { class: 'mono' }, entry.address),
  );

/** Folded under a user card: the account's last sign-ins, loaded when opened. */
export function signInHistory(officeId: string, user: OfficeUserListEntry): HTMLElement {
  const body = h('div', {});
  const details = h(
    'details',
    { class: 'sign-in-history', 'data-history': user.username },
    h('summary', {}, t('users.signIns'), h('span', { class: 'sr-only' }, ` ${user.username}`)),
    body,
  );
  details.addEventListener('toggle', () => {
    if (!details.open) return;
    body.replaceChildren(
      asyncRegion(
        async () => {
          const records = await officeApi.signIns(officeId, user.id);
          return records.length
            ? h('ul', { class: 'sign-in-records' }, records.map(record))
            : h('p', { class: 'empty-hint' }, t('users.signInsNone'));
        },
        (error) => errorMessage(error, currentLanguage(), t),
      ),
    );
  });
  return details;
}
