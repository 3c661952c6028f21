import { h } from '@wahl/web-kit';
import { officeApi } from '../api/office-api';
import type { OfficeUser, OfficeUserListEntry } from '../api/office-api.types';
import { formatDateTime } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { canUnlock, signInStateText } from '../users/sign-in-state';
import { asyncRegion, pageHeading } from './chrome.view';
import { errorMessage } from './error-message';
import { createUserForm } from './users/create-user.view';
import { editUser } from './users/edit-user.view';
import { signInHistory } from './users/sign-in-history.view';

const describe = (error: unknown): string => errorMessage(error, currentLanguage(), t);

function userCard(
  officeId: string,
  user: OfficeUserListEntry,
  actions: {
    readonly unlock: (user: OfficeUserListEntry) => void;
    readonly resetPassword: (user: OfficeUserListEntry) => void;
    readonly saved: (user: OfficeUser) => void;
  },
): HTMLElement {
  const { unlock, resetPassword } = actions;
  const held = user.signIn.state !== 'normal';
  return h(
    'li',
    { class: 'card user-card', 'data-user': user.username },
    h(
      'div',
      { class: 'card-row' },
      h(
        'div',
        { class: 'card-main' },
        h('h2', { class: 'card-title' }, user.displayName),
        user.function ? h('p', { class: 'card-meta' }, user.function) : null,
        h('p', { class: 'card-meta' }, h('span', { class: 'mono' }, user.username), user.active ? null : ` · ${t('users.inactive')}`),
      ),
      h('span', { class: 'badge' }, t(`role.${user.role}`)),
    ),
    h('p', { class: `sign-in-state sign-in-${user.signIn.state}` }, signInStateText(user.signIn, t)),
    held ? h('p', { class: 'card-meta' }, t('users.failures', { count: user.signIn.recentFailures })) : null,
    canUnlock(user.signIn)
      ? h(
          'button',
          {
            type: 'button',
            class: 'button button-secondary',
            'aria-label': t('users.unlockLabel', { user: user.username }),
            onclick: () => unlock(user),
          },
          t('users.unlock'),
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        class: 'button button-secondary',
        'aria-label': t('users.resetLabel', { user: user.username }),
        onclick: () => resetPassword(user),
      },
      t('users.reset'),
    ),
    // Board members' accounts come from access codes; only office staff is edited here.
    user.role === 'board-member' ? null : editUser(officeId, user, actions.saved),
    signInHistory(officeId, user),
  );
}

/** For office admins: the office's accounts with their sign-in state, unlocking and creating accounts. */
export function usersView(officeId: string): HTMLElement {
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const feedback = h('div', { id: 'users-feedback', role: 'status', class: 'alert', tabindex: '-1' });
  // The list is drawn anew after a change, so the focus moves to what happened instead of getting lost.
  const report = (text: string, kind: 'success' | 'error'): void => {
    feedback.className = `alert alert-${kind}`;
    feedback.textContent = text;
    feedback.focus();
  };
  const list = h('div', {});
  const load = (): void => {
    list.replaceChildren(
      asyncRegion(async () => {
        const users = await officeApi.users(officeId);
        count.textContent = users.length === 1 ? t('users.countOne') : t('users.count', { count: users.length });
        return h(
          'ul',
          { class: 'list', id: 'user-list' },
          users.map((user) => userCard(officeId, user, { unlock, resetPassword, saved })),
        );
      }, describe),
    );
  };

  // The code is shown once, here: the admin hands it over (no e-mail is assumed).
  const resetPassword = (user: OfficeUserListEntry): void => {
    officeApi.issuePasswordReset(officeId, user.id).then(
      (issued) =>
        report(
          t('users.resetCode', {
            user: user.username,
            code: issued.code,
            until: formatDateTime(issued.expiresAt, currentLanguage()),
          }),
          'success',
        ),
      (error: unknown) => report(describe(error), 'error'),
    );
  };

  const saved = (user: OfficeUser): void => {
    report(t('users.saved', { user: user.username }), 'success');
    load();
  };

  const unlock = (user: OfficeUserListEntry): void => {
    if (!window.confirm(t('users.unlockConfirm', { user: user.username }))) return;
    officeApi.unlockUser(officeId, user.id).then(
      () => {
        report(t('users.unlocked', { user: user.username }), 'success');
        load();
      },
      (error: unknown) => report(describe(error), 'error'),
    );
  };

  load();

  const create = createUserForm(officeId, (username) => {
    report(t('users.created', { user: username }), 'success');
    load();
  });
  return h('section', { class: 'page' }, pageHeading(t('users.title'), t('users.intro'), count), feedback, list, create);
}
