import type { Actor, Office } from '../api/office-api.types';
import { t } from '../i18n/i18n';
import { h } from '@wahl/web-kit';

export type ChromeActions = {
  readonly onToggleLanguage: () => void;
  readonly onSignOut?: () => void;
};

const brand = (office: Office | null): HTMLElement =>
  h(
    'div',
    { class: 'brand' },
    h('span', { class: 'brand-mark', 'aria-hidden': 'true' }),
    h(
      'span',
      { class: 'brand-text' },
      h('span', { class: 'brand-name' }, t('app.name')),
      h('span', { class: 'brand-area' }, office?.name ?? t('app.area')),
    ),
  );

export function languageToggle(onToggle: () => void): HTMLButtonElement {
  const code = t('app.languageToggle').slice(0, 2).toUpperCase();
  // The name holds both visible forms (WCAG 2.5.3, label in name): "English" when wide, the code when narrow.
  const label = `${t('app.languageToggleLabel')} – ${code}`;
  return h(
    'button',
    { type: 'button', class: 'button button-quiet', id: 'language-toggle', 'aria-label': label, onclick: onToggle },
    // Narrow screens show the language code only, so that brand and buttons fit on one line.
    h('span', { class: 'label-long' }, t('app.languageToggle')),
    h('span', { class: 'label-short', 'aria-hidden': 'true' }, code),
  );
}

const skipLink = (): HTMLElement => h('a', { class: 'skip-link', href: '#main' }, t('app.skipToContent'));

/** Header of every page; with an actor it also shows who is signed in and the sign-out button. */
export function pageHeader(actions: ChromeActions, actor: Actor | null, office: Office | null): HTMLElement {
  const user = actor
    ? h(
        'div',
        { class: 'user' },
        h('span', { class: 'user-name', title: t('shell.signedInAs', { user: actor.username }) }, actor.username),
        h('span', { class: 'user-role' }, t(`role.${actor.role}`)),
      )
    : null;
  const signOut =
    actor && actions.onSignOut
      ? h('button', { type: 'button', class: 'button button-quiet', id: 'sign-out', onclick: actions.onSignOut }, t('shell.signOut'))
      : null;
  return h(
    'header',
    { class: 'topbar' },
    skipLink(),
    h(
      'div',
      { class: 'topbar-inner' },
      brand(office),
      h('div', { class: 'topbar-actions' }, user, languageToggle(actions.onToggleLanguage), signOut),
    ),
  );
}

export const mainRegion = (...children: readonly Node[]): HTMLElement =>
  h('main', { id: 'main', class: 'main', tabindex: '-1' }, ...children);

export function pageHeading(title: string, intro?: string, aside?: Node): HTMLElement {
  return h(
    'div',
    { class: 'page-heading' },
    h('div', {}, h('h1', { tabindex: '-1' }, title), intro ? h('p', { class: 'lead' }, intro) : null),
    aside ?? null,
  );
}

export function emptyState(title: string, hint: string): HTMLElement {
  return h(
    'div',
    { class: 'empty', role: 'status' },
    h('span', { class: 'empty-icon', 'aria-hidden': 'true' }),
    h('p', { class: 'empty-title' }, title),
    h('p', { class: 'empty-hint' }, hint),
  );
}

/** A region that shows a loading status, then what `load` builds, or an error with a retry button. */
export function asyncRegion(load: () => Promise<Node>, describe: (error: unknown) => string): HTMLElement {
  const region = h('div', { class: 'async', 'aria-busy': 'true' });
  const run = (): void => {
    region.setAttribute('aria-busy', 'true');
    region.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('app.loading')));
    load().then(
      (content) => {
        region.removeAttribute('aria-busy');
        region.replaceChildren(content);
      },
      (error: unknown) => {
        region.removeAttribute('aria-busy');
        region.replaceChildren(
          h(
            'div',
            { class: 'alert alert-error', role: 'alert' },
            h('p', {}, h('strong', {}, t('error.loadFailed')), ' ', describe(error)),
            h('button', { type: 'button', class: 'button button-secondary', onclick: run }, t('error.retry')),
          ),
        );
      },
    );
  };
  run();
  return region;
}
