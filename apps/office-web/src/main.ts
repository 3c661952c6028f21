import './styles.css';
import { officeApi } from './api/office-api';
import type { Actor, Office } from './api/office-api.types';
import { currentLanguage, restoreLanguage, setLanguage, t } from './i18n/i18n';
import { hrefFor, parseRoute, type RouteName } from './router/router';
import { mainRegion, pageHeader } from './views/chrome.view';
import { h } from './views/dom';
import { electionsView } from './views/elections.view';
import { officesView } from './views/offices.view';
import { signInView } from './views/sign-in.view';

const BASE = import.meta.env.BASE_URL;
const root = document.getElementById('app') as HTMLElement;

type Session = { readonly actor: Actor; readonly office: Office | null };
/** undefined until the first GET /api/auth/me has answered; null when signed out. */
let session: Session | null | undefined;

type Focus = 'heading' | 'language-toggle';

async function loadSession(actor: Actor | null): Promise<Session | null> {
  if (!actor) return null;
  // Board members have no office route; their header simply shows the generic area name.
  const office =
    actor.officeId && actor.role !== 'board-member' ? await officeApi.office(actor.officeId).catch(() => null) : null;
  return { actor, office };
}

function navigate(name: RouteName, replace = false): void {
  const href = hrefFor(name, BASE);
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  render();
}

function toggleLanguage(): void {
  setLanguage(currentLanguage() === 'de' ? 'en' : 'de');
  render('language-toggle');
}

async function signOut(): Promise<void> {
  await officeApi.logout().catch(() => undefined);
  session = null;
  navigate('sign-in');
}

function notFoundView(): HTMLElement {
  return h(
    'section',
    { class: 'card notice' },
    h('h1', { tabindex: '-1' }, t('notFound.title')),
    h('p', {}, t('notFound.text')),
    h('a', { class: 'button button-secondary', href: hrefFor('overview', BASE), onclick: (event: Event) => {
      event.preventDefault();
      navigate('overview');
    } }, t('notFound.back')),
  );
}

function render(focus: Focus = 'heading'): void {
  if (session === undefined) return;
  const route = parseRoute(location.pathname, BASE);
  if (route.name === 'overview' && !session) return navigate('sign-in', true);
  if (route.name === 'sign-in' && session) return navigate('overview', true);

  let content: HTMLElement;
  let title: string;
  if (route.name === 'sign-in') {
    content = signInView({
      onSignedIn: (actor) => {
        void loadSession(actor).then((loaded) => {
          session = loaded;
          navigate('overview');
        });
      },
    });
    title = t('signIn.title');
  } else if (route.name === 'overview' && session) {
    const isProvider = session.actor.role === 'provider-admin';
    content = isProvider ? officesView() : electionsView();
    title = isProvider ? t('offices.title') : t('elections.title');
  } else {
    content = notFoundView();
    title = t('notFound.title');
  }

  const header = pageHeader(
    { onToggleLanguage: toggleLanguage, onSignOut: () => void signOut() },
    session?.actor ?? null,
    session?.office ?? null,
  );
  const main = mainRegion(content);
  main.classList.toggle('main-centered', route.name !== 'overview');
  root.replaceChildren(header, main);
  document.title = `${title} – ${t('app.name')}`;

  if (focus === 'language-toggle') document.getElementById('language-toggle')?.focus();
  else (root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector<HTMLElement>('h1'))?.focus();
}

async function start(): Promise<void> {
  restoreLanguage();
  window.addEventListener('popstate', () => render());
  try {
    session = await loadSession(await officeApi.me());
  } catch {
    session = null;
  }
  render();
}

void start();
