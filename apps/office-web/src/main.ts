import './styles.css';
import type { BoardSession } from './api/election-night.types';
import { officeApi } from './api/office-api';
import type { Actor, Office } from './api/office-api.types';
import { currentLanguage, restoreLanguage, setLanguage, t } from './i18n/i18n';
import { ApiError } from './api/api-error';
import { rememberBoardMember, rememberedBoardMember } from './polling-day/offline-session';
import { browserStorage } from './reports/report-draft';
import { hrefFor, parseRoute, type Route, type RouteName, type RouteParams } from './router/router';
import { boardDistrictView } from './views/board-district.view';
import { boardDistrictChoiceView } from './views/board/board-district-choice.view';
import { boardSignInView } from './views/board-sign-in.view';
import { mainRegion, pageHeader } from './views/chrome.view';
import { dispose, h } from '@wahl/web-kit';
import { electionNightView } from './views/election-night.view';
import { electionsView } from './views/elections.view';
import { newElectionView } from './views/new-election.view';
import { electionEditorView } from './views/election-editor.view';
import { officeReportView } from './views/office-report.view';
import { officesView } from './views/offices.view';
import { pollingCardsView } from './views/polling-cards.view';
import { pollingDayView } from './views/polling-day.view';
import { pollWorkersView } from './views/poll-workers.view';
import { postalOfficeView } from './views/postal-office.view';
import { pullSourcesView } from './views/pull-sources.view';
import { repeatNoticesView } from './views/repeat-notices.view';
import { retentionView } from './views/retention.view';
import { webhooksView } from './views/webhooks.view';
import { rehearsalView } from './views/rehearsal.view';
import { pollWorkerDutiesView } from './views/poll-worker-duties.view';
import { rollView } from './views/roll.view';
import { signInView } from './views/sign-in.view';
import { usersView } from './views/users.view';

const BASE = import.meta.env.BASE_URL;
const root = document.getElementById('app') as HTMLElement;

type Session = { readonly actor: Actor; readonly office: Office | null };
/** undefined until the first GET /api/auth/me has answered; null when signed out. */
let session: Session | null | undefined;

type Focus = 'heading' | 'language-toggle';

async function loadSession(actor: Actor | null): Promise<Session | null> {
  rememberBoardMember(browserStorage(), actor);
  if (!actor) return null;
  // Board members have no office route; their header simply shows the generic area name.
  const office = actor.officeId && actor.role !== 'board-member' ? await officeApi.office(actor.officeId).catch(() => null) : null;
  return { actor, office };
}

function navigate(name: RouteName, params: RouteParams = {}, replace = false): void {
  const href = hrefFor(name, BASE, params);
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  render();
}

/** Where a signed-out visitor wanted to go; after signing in the app continues there. */
let returnTo: string | null = null;

function toggleLanguage(): void {
  setLanguage(currentLanguage() === 'de' ? 'en' : 'de');
  render('language-toggle');
}

async function signOut(): Promise<void> {
  const wasBoard = session?.actor.role === 'board-member';
  await officeApi.logout().catch(() => undefined);
  rememberBoardMember(browserStorage(), null);
  session = null;
  navigate(wasBoard ? 'board' : 'sign-in');
}

function notFoundView(): HTMLElement {
  return h(
    'section',
    { class: 'card notice' },
    h('h1', { tabindex: '-1' }, t('notFound.title')),
    h('p', {}, t('notFound.text')),
    h(
      'a',
      {
        class: 'button button-secondary',
        href: hrefFor('overview', BASE),
        onclick: (event: Event) => {
          event.preventDefault();
          navigate('overview');
        },
      },
      t('notFound.back'),
    ),
  );
}

const STAFF_ROUTES: readonly RouteName[] = [
  'election-new',
  'election-editor',
  'election-night',
  'report-entry',
  'report-correction',
  'roll',
  'polling-cards',
  'postal-office',
  'repeat-notices',
  'retention',
  'webhooks',
  'rehearsal',
  'polling-day',
  'poll-workers',
  'poll-worker-duties',
];

/** Screens of one role only (the API refuses the others too): the office's accounts, the provider's pull allow-list. */
const ROLE_ROUTES: Partial<Record<RouteName, Actor['role']>> = { users: 'office-admin', 'pull-sources': 'provider-admin' };

type Screen = { readonly content: HTMLElement; readonly title: string; readonly layout: 'centered' | 'narrow' | 'wide' | 'normal' };

function boardScreen(route: Extract<Route, { params: RouteParams }>, actor: Actor | null): Screen {
  const code = new URLSearchParams(location.search).get('code');
  const board = actor?.role === 'board-member' && actor.electionId ? actor : null;
  if (route.name === 'board' && (code || !board)) {
    const onSignedIn = (result: BoardSession): void => {
      session = { actor: result.user, office: null };
      rememberBoardMember(browserStorage(), result.user);
      navigate('board', {}, true);
    };
    return {
      content: boardSignInView({ code, signedIn: board, onSignedIn, onContinue: () => navigate('board', {}, true) }),
      title: t('board.signInTitle'),
      layout: 'centered',
    };
  }
  const districtIds = board!.districtIds ?? [];
  const districtId = route.name === 'board-district' ? route.params['districtId']! : districtIds.length === 1 ? districtIds[0]! : null;
  if (!districtId) {
    return {
      content: boardDistrictChoiceView(board!, (id) => navigate('board-district', { districtId: id })),
      title: t('board.chooseTitle'),
      layout: 'narrow',
    };
  }
  return {
    content: boardDistrictView({
      actor: board!,
      electionId: board!.electionId!,
      districtId,
      onBack: districtIds.length > 1 ? () => navigate('board') : undefined,
    }),
    title: t('board.entryTitle'),
    layout: 'narrow',
  };
}

function staffScreen(route: Extract<Route, { params: RouteParams }>): Screen {
  const electionId = route.params['electionId']!;
  const toDashboard = (): void => navigate('election-night', { electionId });
  if (route.name === 'election-night') {
    const content = electionNightView(electionId, {
      onCorrect: (districtId) => navigate('report-correction', { electionId, districtId }),
      onEnter: (districtId) => navigate('report-entry', { electionId, districtId }),
    });
    return { content, title: t('night.title'), layout: 'wide' };
  }
  if (route.name === 'report-entry' || route.name === 'report-correction') {
    const mode = route.name === 'report-correction' ? 'correction' : 'entry';
    const owner = session?.actor.userId ?? '';
    const content = officeReportView({
      electionId,
      districtId: route.params['districtId']!,
      mode,
      owner,
      onDone: toDashboard,
      onBack: toDashboard,
    });
    return { content, title: t(mode === 'correction' ? 'report.correctionPageTitle' : 'report.entryPageTitle'), layout: 'narrow' };
  }
  if (route.name === 'polling-day') return { content: pollingDayView(electionId), title: t('monitor.title'), layout: 'wide' };
  if (route.name === 'poll-workers') return { content: pollWorkersView(electionId), title: t('pw.title'), layout: 'wide' };
  if (route.name === 'election-editor') return { content: electionEditorView(electionId), title: t('editor.title'), layout: 'wide' };
  if (route.name === 'polling-cards') return { content: pollingCardsView(electionId), title: t('cards.title'), layout: 'wide' };
  if (route.name === 'postal-office') return { content: postalOfficeView(electionId), title: t('postal.title'), layout: 'wide' };
  if (route.name === 'repeat-notices') return { content: repeatNoticesView(electionId), title: t('repeatNotices.title'), layout: 'normal' };
  if (route.name === 'poll-worker-duties') {
    const canManage = session?.actor.role === 'office-admin';
    return { content: pollWorkerDutiesView(electionId, canManage), title: t('pwDuties.title'), layout: 'wide' };
  }
  if (route.name === 'retention') {
    const canManage = session?.actor.role === 'office-admin';
    return { content: retentionView(electionId, canManage), title: t('retention.title'), layout: 'wide' };
  }
  if (route.name === 'rehearsal') {
    const canManage = session?.actor.role === 'office-admin';
    return { content: rehearsalView(electionId, canManage), title: t('rehearsal.title'), layout: 'normal' };
  }
  if (route.name === 'webhooks') {
    const canManage = session?.actor.role === 'office-admin';
    return { content: webhooksView(electionId, canManage), title: t('webhooks.title'), layout: 'wide' };
  }
  return { content: rollView(electionId), title: t('roll.title'), layout: 'wide' };
}

function render(focus: Focus = 'heading'): void {
  if (session === undefined) return;
  const route = parseRoute(location.pathname, BASE);
  const actor = session?.actor ?? null;
  const isBoard = actor?.role === 'board-member';
  const roleRoute = route.name === 'not-found' ? undefined : ROLE_ROUTES[route.name];
  const isStaffRoute = route.name !== 'not-found' && (STAFF_ROUTES.includes(route.name) || roleRoute !== undefined);
  if ((route.name === 'overview' || isStaffRoute) && !session) {
    if (isStaffRoute) returnTo = location.pathname;
    return navigate('sign-in', {}, true);
  }
  if ((route.name === 'overview' || route.name === 'sign-in' || isStaffRoute) && isBoard) return navigate('board', {}, true);
  if (route.name === 'sign-in' && session) return navigate('overview', {}, true);
  if (route.name === 'board-district' && !isBoard) return navigate('board', {}, true);
  if (roleRoute && actor?.role !== roleRoute) return navigate('overview', {}, true);

  let screen: Screen;
  if (route.name === 'sign-in') {
    const content = signInView({
      onSignedIn: (signedIn) => {
        void loadSession(signedIn).then((loaded) => {
          session = loaded;
          const target = returnTo;
          returnTo = null;
          if (target) {
            history.pushState(null, '', target);
            render();
          } else navigate('overview');
        });
      },
    });
    screen = { content, title: t('signIn.title'), layout: 'centered' };
  } else if (route.name === 'overview' && session) {
    const isProvider = session.actor.role === 'provider-admin';
    screen = {
      content: isProvider
        ? officesView((name, params) => navigate(name, params))
        : electionsView((name, params) => navigate(name, params), { showUsers: session.actor.role === 'office-admin' }),
      title: isProvider ? t('offices.title') : t('elections.title'),
      layout: 'normal',
    };
  } else if (route.name === 'board' || route.name === 'board-district') {
    screen = boardScreen(route, actor);
  } else if (route.name === 'election-new' && session?.actor.officeId) {
    screen = {
      content: newElectionView(session.actor.officeId, (electionId) => navigate('election-editor', { electionId })),
      title: t('newElection.title'),
      layout: 'normal',
    };
  } else if (route.name === 'users' && session?.actor.officeId) {
    screen = { content: usersView(session.actor.officeId), title: t('users.title'), layout: 'normal' };
  } else if (route.name === 'pull-sources') {
    screen = { content: pullSourcesView(route.params['officeId']!), title: t('pullSources.title'), layout: 'normal' };
  } else if (route.name !== 'not-found' && isStaffRoute) {
    screen = staffScreen(route);
  } else {
    screen = { content: notFoundView(), title: t('notFound.title'), layout: 'centered' };
  }

  const header = pageHeader(
    { onToggleLanguage: toggleLanguage, onSignOut: () => void signOut() },
    session?.actor ?? null,
    session?.office ?? null,
  );
  const main = mainRegion(screen.content);
  main.classList.toggle('main-centered', screen.layout === 'centered');
  main.classList.toggle('main-narrow', screen.layout === 'narrow');
  main.classList.toggle('main-wide', screen.layout === 'wide');
  root.classList.toggle('app-wide', screen.layout === 'wide');
  dispose(root);
  root.replaceChildren(header, main);
  document.title = `${screen.title} – ${t('app.name')}`;

  if (focus === 'language-toggle') document.getElementById('language-toggle')?.focus();
  else (root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector<HTMLElement>('h1'))?.focus();
}

async function start(): Promise<void> {
  restoreLanguage();
  window.addEventListener('popstate', () => render());
  try {
    session = await loadSession(await officeApi.me());
  } catch (error) {
    // Offline (status 0): a board member's phone opens the board's screens from the device (issue 13).
    const offlineMember = error instanceof ApiError && error.status === 0 ? rememberedBoardMember(browserStorage()) : null;
    session = offlineMember ? { actor: offlineMember, office: null } : null;
  }
  render();
}

void start();
