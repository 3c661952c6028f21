import type { PublicElectionSnapshot } from '@wahl/domain';
import './styles.css';
import { followElection, type LiveResults } from './api/live-results';
import type { PublicElectionAbout } from '@wahl/contracts';
import { fetchElectionAbout, fetchElectionSize, fetchPublishedElections } from './api/results-api';
import { buildAreaPage, type AreaPage } from './model/area-page.view-model';
import type { ConnectionState } from './model/freshness';
import { kioskAreas, nextKioskArea, previousKioskArea } from './model/kiosk-cycle';
import { coversView, followsStart, liveViewKey, liveViewOf, type ElectionRoute, type ElectionSize, type LiveView } from './model/live-view';
import { areaHref, embedHref, parseRoute, type Route } from './router/routes';
import { AreaPageView } from './views/area-page.view';
import { h } from '@wahl/web-kit';
import { EmbedView } from './views/embed.view';
import { electionsList, emptyState, homeHero, loadError, notFound } from './views/home.view';
import { KioskView } from './views/kiosk.view';
import { renderFooterLinks } from './views/page-footer.view';
import type { SeatsPageView } from './views/seats-page.view';

// The page's controller: reads the address, follows the election live, and hands view models to
// the views. Navigation stays on the page (history API), so the live connection survives drilling
// down; every address is still a real link that works when opened on its own.

type MountedView = AreaPageView | EmbedView | KioskView | SeatsPageView;

const main = document.getElementById('main') as HTMLElement;
const place = document.getElementById('masthead-place');
const footerLinks = document.getElementById('footer-links');
const TICK_MS = 15_000;
const KIOSK_CHART_BARS = 9;

let route: Route = parseRoute(location.pathname, location.search);
let live: LiveResults | null = null;
let liveView: LiveView | null = null;
let snapshot: PublicElectionSnapshot | null = null;
/** The view `snapshot` is of: while it cannot show the followed view's pages, the page on screen stays. */
let snapshotView: LiveView | null = null;
/** A navigation asked for focus while the new view was still loading: the new page takes it. */
let focusPending = false;
let connection: { state: ConnectionState; lastContactAt: number | null } = { state: 'connecting', lastContactAt: null };
let view: MountedView | null = null;
let viewKey: string | null = null;
const kiosk: { areaId: string | null; timer: ReturnType<typeof setTimeout> | null; paused: boolean } = {
  areaId: null,
  timer: null,
  paused: false,
};

// ---------------------------------------------------------------------------------------------
// Beside the results: the office's legal pages and open data in the footer, the finder's street directory

let about: { electionId: string | null; value: PublicElectionAbout | null } = { electionId: null, value: null };

function showAbout(electionId: string | null): void {
  if (about.electionId === electionId && electionId !== null) return;
  about = { electionId, value: null };
  if (footerLinks) renderFooterLinks(footerLinks, electionId, null);
  if (electionId === null) return;
  fetchElectionAbout(electionId).then(
    (value) => {
      if (about.electionId !== electionId) return;
      about = { electionId, value };
      if (footerLinks) renderFooterLinks(footerLinks, electionId, value);
      if (view instanceof AreaPageView) view.setStreetDirectory(value?.streetDirectory ?? false);
    },
    () => undefined, // the footer keeps the open data; legal links come with the next visit
  );
}

function mount(next: MountedView | HTMLElement, key: string | null, focus: boolean): void {
  view?.destroy();
  view = next instanceof HTMLElement ? null : next;
  viewKey = key;
  main.replaceChildren(next instanceof HTMLElement ? next : next.element);
  main.removeAttribute('aria-busy');
  if (!focus) return;
  if (view) view.focusHeading();
  else main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

function setMode(mode: 'page' | 'embed' | 'kiosk'): void {
  document.body.classList.toggle('mode-embed', mode === 'embed');
  document.body.classList.toggle('mode-kiosk', mode === 'kiosk');
}

// ---------------------------------------------------------------------------------------------
// Start page

async function showHome(focus: boolean): Promise<void> {
  document.title = 'Wahlergebnisse';
  if (place) place.textContent = '';
  const region = h('div', { id: 'elections', 'aria-busy': 'true' }, h('p', { class: 'loading', role: 'status' }, 'Wird geladen …'));
  mount(
    h(
      'div',
      { class: 'home' },
      homeHero(),
      h('section', { 'aria-labelledby': 'elections-title' }, h('h2', { id: 'elections-title', class: 'section-title' }, 'Wahlen'), region),
    ),
    'home',
    focus,
  );
  try {
    const elections = await fetchPublishedElections();
    region.replaceChildren(elections.length ? electionsList(elections) : emptyState());
  } catch {
    region.replaceChildren(loadError());
  } finally {
    region.removeAttribute('aria-busy');
  }
}

// ---------------------------------------------------------------------------------------------
// Election views

/** Per election, its size from the current pointer (null: unknown); asked once per page load. */
const sizes = new Map<string, ElectionSize | null>();
/** The election whose size is being asked. */
let sizing: string | null = null;

/** The size a page without an area needs before it joins (null for an area page); undefined while it is being asked. */
function sizeFor(target: ElectionRoute): ElectionSize | null | undefined {
  if (!followsStart(target) || sizes.has(target.electionId)) return sizes.get(target.electionId) ?? null;
  const { electionId } = target;
  if (sizing !== electionId) {
    sizing = electionId;
    void fetchElectionSize(electionId).then((size) => {
      sizes.set(electionId, size);
      sizing = null;
      const now = route;
      if ((now.name === 'area' || now.name === 'embed' || now.name === 'kiosk') && now.electionId === electionId) render(false);
    });
  }
  return undefined;
}

function follow(target: ElectionRoute): void {
  const size = sizeFor(target);
  if (size === undefined) {
    // Not yet known whether the overview may load the whole election: join nothing meanwhile.
    live?.stop();
    live = null;
    liveView = null;
    return;
  }
  const followed = liveViewOf(target, size);
  if (liveView && liveViewKey(liveView) === liveViewKey(followed)) return;
  live?.stop();
  liveView = followed;
  live = followElection({
    ...followed,
    listener: {
      snapshot(next) {
        snapshot = next;
        snapshotView = followed;
        render(false);
      },
      connection(state, lastContactAt) {
        connection = { state, lastContactAt };
        view?.liveStatus.update({ connection: state, lastContactAt });
        if (!coversView(snapshotView, followed) && state === 'offline')
          mount(loadError('Die Ergebnisse können gerade nicht geladen werden. Die Seite versucht es weiter.'), 'offline', false);
      },
      missing() {
        if (!coversView(snapshotView, followed)) mount(notFound(), null, false);
      },
    },
  });
}

function pageFor(target: ElectionRoute, areaId: string | null): AreaPage | null {
  if (!snapshot) return null;
  return buildAreaPage({
    snapshot,
    areaId,
    contestId: target.contestId,
    chartBars: target.name === 'kiosk' ? KIOSK_CHART_BARS : undefined,
  });
}

function selectContest(contestId: string): void {
  if (route.name !== 'area' && route.name !== 'embed') return;
  const href =
    route.name === 'area' ? areaHref(route.electionId, route.areaId, contestId) : embedHref(route.electionId, route.areaId, contestId);
  history.replaceState(null, '', href);
  route = { ...route, contestId };
  render(false);
}

/** The page of a district found by the finder: by the area id the API names, else by the district number. */
function districtHref(number: string, areaId: string | null): string | null {
  if (route.name !== 'area') return null;
  // The district may lie outside the view this page follows: its id is enough for its own page.
  if (areaId) return areaHref(route.electionId, areaId, route.contestId);
  const area = snapshot?.areas.find(
    (candidate) => (candidate.level === 'district' || candidate.level === 'postal-district') && candidate.number === number,
  );
  return area ? areaHref(route.electionId, area.id, route.contestId) : null;
}

function renderArea(target: Extract<Route, { name: 'area' | 'embed' }>, focus: boolean): void {
  const page = pageFor(target, target.areaId);
  if (!page) {
    mount(notFound(), null, focus);
    return;
  }
  document.title = target.name === 'embed' ? `${page.areaName} – ${page.electionName}` : page.documentTitle;
  if (place) place.textContent = page.municipalityName;
  const key = `${target.name}|${page.areaId}`;
  if (view && viewKey === key && (view instanceof AreaPageView || view instanceof EmbedView)) {
    view.update(page);
    return;
  }
  const next =
    target.name === 'embed'
      ? new EmbedView(page, selectContest)
      : new AreaPageView(page, { selectContest, findDistrictArea: districtHref, snapshot: () => snapshot, navigate });
  mount(next, key, focus);
  if (next instanceof AreaPageView) next.setStreetDirectory(about.value?.streetDirectory ?? false);
  next.liveStatus.update({ connection: connection.state, lastContactAt: connection.lastContactAt });
}

function renderKiosk(target: Extract<Route, { name: 'kiosk' }>, focus: boolean): void {
  if (!snapshot) return;
  const cycle = kioskAreas(snapshot);
  if (!cycle.includes(kiosk.areaId ?? '')) kiosk.areaId = cycle[0] ?? null;
  const page = pageFor(target, kiosk.areaId);
  if (!page) {
    mount(notFound(), null, focus);
    return;
  }
  document.title = `${page.electionName} – ${page.municipalityName}`;
  let restart = false;
  if (!(view instanceof KioskView)) {
    const kioskView = new KioskView(target.intervalSeconds, {
      next: () => stepKiosk(1),
      previous: () => stepKiosk(-1),
      togglePause: () => {
        kiosk.paused = !kiosk.paused;
        if (kiosk.paused) clearKioskTimer();
        else stepKiosk(0);
        return kiosk.paused;
      },
    });
    mount(kioskView, 'kiosk', focus);
    kioskView.liveStatus.update({ connection: connection.state, lastContactAt: connection.lastContactAt });
    restart = true;
  }
  (view as KioskView).show(page, Math.max(0, cycle.indexOf(page.areaId)), cycle.length, restart);
  if (restart) scheduleKiosk(target.intervalSeconds);
}

function clearKioskTimer(): void {
  if (kiosk.timer !== null) clearTimeout(kiosk.timer);
  kiosk.timer = null;
}

function scheduleKiosk(seconds: number): void {
  clearKioskTimer();
  if (!kiosk.paused) kiosk.timer = setTimeout(() => stepKiosk(1), seconds * 1000);
}

/** Moves the kiosk by `direction` areas (0: stay, restart the timer) and shows the new one. */
function stepKiosk(direction: -1 | 0 | 1): void {
  if (route.name !== 'kiosk' || !snapshot || !(view instanceof KioskView)) return;
  const cycle = kioskAreas(snapshot);
  if (direction === 1) kiosk.areaId = nextKioskArea(cycle, kiosk.areaId);
  if (direction === -1) kiosk.areaId = previousKioskArea(cycle, kiosk.areaId);
  const page = pageFor(route, kiosk.areaId);
  if (page) view.show(page, Math.max(0, cycle.indexOf(page.areaId)), cycle.length, true);
  scheduleKiosk(route.intervalSeconds);
}

// ---------------------------------------------------------------------------------------------
// Seats of a council election: its own chunk, loaded when opened; read over HTTP, no live channel.

async function showSeats(electionId: string, focus: boolean): Promise<void> {
  const key = `seats|${electionId}`;
  if (viewKey === key) return;
  document.title = 'Sitzverteilung – Wahlergebnisse';
  if (place) place.textContent = '';
  mount(h('p', { class: 'loading', role: 'status' }, 'Die Sitzverteilung wird geladen …'), key, false);
  try {
    const { SeatsPageView } = await import('./views/seats-page.view');
    // The reader may have moved on while the chunk was loading.
    if (viewKey === key && !view) mount(new SeatsPageView(electionId), key, focus);
  } catch {
    if (viewKey === key) mount(loadError(), null, false);
  }
}

// ---------------------------------------------------------------------------------------------

function render(focus: boolean): void {
  const target = route;
  if (target.name === 'home' || target.name === 'not-found' || target.name === 'seats') {
    live?.stop();
    live = null;
    liveView = null;
    clearKioskTimer();
    setMode('page');
    showAbout(target.name === 'seats' ? target.electionId : null);
    if (target.name === 'home') void showHome(focus);
    else if (target.name === 'seats') void showSeats(target.electionId, focus);
    else mount(notFound(), null, focus);
    return;
  }
  setMode(target.name === 'area' ? 'page' : target.name);
  showAbout(target.electionId);
  if (target.name !== 'kiosk') clearKioskTimer();
  follow(target);
  if (!snapshot || !liveView || !coversView(snapshotView, liveView)) {
    // Moving to another area: the page on screen stays until the new view's snapshot arrives.
    focusPending ||= focus;
    if (!(view instanceof AreaPageView) && viewKey !== 'loading')
      mount(h('p', { class: 'loading', role: 'status' }, 'Die Ergebnisse werden geladen …'), 'loading', false);
    return;
  }
  const takeFocus = focus || focusPending;
  focusPending = false;
  if (target.name === 'kiosk') renderKiosk(target, takeFocus);
  else renderArea(target, takeFocus);
}

function navigate(href: string): void {
  history.pushState(null, '', href);
  route = parseRoute(location.pathname, location.search);
  render(true);
  window.scrollTo(0, 0);
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a[data-link]') as HTMLAnchorElement | null;
  if (!link || link.target || link.origin !== location.origin) return;
  event.preventDefault();
  navigate(link.pathname + link.search);
});

window.addEventListener('popstate', () => {
  route = parseRoute(location.pathname, location.search);
  render(true);
});

// "Stand" shows the date once midnight has passed, and staleness is a matter of time: re-check.
setInterval(() => view?.liveStatus.update({}), TICK_MS);

render(false);
