import type { DistrictState, DistrictStatus, Totals } from '../api/election-night.types';
import { followElection, type LiveConnection } from '../api/live-updates';
import { officeApi } from '../api/office-api';
import type { ElectionSummary } from '../api/office-api.types';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { applyStatusEvent, detailKey as detailKeyOf } from '../reports/district-states';
import { accessCodesView } from './access-codes.view';
import { h, onDispose } from '@wahl/web-kit';
import { errorMessage } from './error-message';
import { districtDetailView, type RejectDraft } from './district-detail.view';
import { createDistrictList, createDistrictTiles, stateFilter, type DistrictGridOptions } from './district-grid.view';
import { electionTotalsView } from './election-totals.view';
import { nightAttention } from './election-night/night-attention.view';
import { nightProgress } from './election-night/night-progress.view';

// The office's election-night dashboard (/office/wahlen/<id>/wahlabend): progress, legend and
// filter, the district grid and list, what needs attention, the municipality's totals and the
// access codes. A REST snapshot first; socket events move tiles at once and trigger a debounced
// refetch of the snapshot and the totals, so the page never needs a reload. This file holds the
// state and the socket; the panels are in views/election-night/ and district-*.view.ts, the plain
// logic in reports/district-states.ts.

export type ElectionNightNavigation = {
  readonly onCorrect: (districtId: string) => void;
  readonly onEnter: (districtId: string) => void;
};

const REFRESH_DEBOUNCE_MS = 300;

export function electionNightView(electionId: string, navigation: ElectionNightNavigation): HTMLElement {
  let districts: DistrictStatus[] = [];
  let totals: Totals | null = null;
  let election: ElectionSummary | null = null;
  const filter = new Set<DistrictState>();
  let selected: string | null = null;
  let reject: RejectDraft = { open: false, reason: '' };
  let connection: LiveConnection = 'connecting';
  let loadError: string | null = null;
  let notice: string | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let detailKey = '';

  const heading = h('div', { class: 'page-heading' });
  const live = h('p', { class: 'live', id: 'live-status', role: 'status' });
  const errorBox = h('div', {});
  const progressBox = h('section', { class: 'card panel progress', 'aria-labelledby': 'progress-title' });
  const legendBox = h('div', { class: 'card panel' });
  const tiles = createDistrictTiles();
  const list = createDistrictList();
  const tilesBox = h('div', { class: 'tiles-box' }, tiles.element);
  const detailBox = h('div', {});
  const listBox = h('div', { class: 'card panel' }, list.element);
  const attentionBox = h('section', { class: 'card panel attention', 'aria-labelledby': 'attention-title' });
  const totalsBox = h('div', {});
  const page = h(
    'section',
    { class: 'page dashboard' },
    heading,
    errorBox,
    h(
      'div',
      { class: 'dashboard-grid' },
      h(
        'div',
        { class: 'dashboard-main' },
        progressBox,
        legendBox,
        h(
          'section',
          { class: 'card panel', 'aria-labelledby': 'tiles-title' },
          h('h2', { id: 'tiles-title', class: 'section-title' }, t('night.tilesTitle')),
          tilesBox,
        ),
        detailBox,
        listBox,
      ),
      h('div', { class: 'dashboard-side' }, attentionBox, totalsBox, accessCodesView(electionId)),
    ),
  );

  const gridOptions = (): DistrictGridOptions => ({
    districts,
    filter,
    selected,
    onToggleFilter: (state) => {
      if (filter.has(state)) filter.delete(state);
      else filter.add(state);
      render();
    },
    onClearFilter: () => {
      filter.clear();
      render();
    },
    onSelect: (districtId) => {
      selected = selected === districtId ? null : districtId;
      reject = { open: false, reason: '' };
      render();
      if (selected) document.getElementById('district-detail')?.focus();
    },
  });

  const renderHeading = (): void => {
    heading.replaceChildren(
      h(
        'div',
        {},
        h('p', { class: 'eyebrow' }, election ? `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}` : ''),
        h('h1', { tabindex: '-1' }, t('night.title')),
      ),
      live,
    );
  };

  const renderLive = (): void => {
    live.dataset['state'] = connection;
    live.replaceChildren(h('span', { class: 'live-dot', 'aria-hidden': 'true' }), t(`live.${connection}`));
  };

  const renderProgress = (): void => progressBox.replaceChildren(...nightProgress(districts));
  const renderAttention = (): void => attentionBox.replaceChildren(...nightAttention(districts, (id) => gridOptions().onSelect(id)));

  const renderDetail = (): void => {
    const district = districts.find((candidate) => candidate.districtId === selected);
    // Rebuilt only when the district changed, so that an open reason field keeps its cursor.
    const key = detailKeyOf(district, reject.open);
    if (key === detailKey) return;
    detailKey = key;
    if (!district) {
      detailBox.replaceChildren();
      return;
    }
    detailBox.replaceChildren(
      districtDetailView({
        electionId,
        district,
        reject,
        onRejectDraft: (draft) => {
          const reopen = draft.open !== reject.open;
          reject = draft;
          if (reopen) {
            render();
            document.getElementById(draft.open ? 'reject-reason' : 'action-reject')?.focus();
          }
        },
        onDecided: (result) => {
          reject = { open: false, reason: '' };
          notice = t(`outcome.${result.outcome}`, { version: result.version, number: result.districtNumber, other: '' });
          scheduleRefresh(0);
        },
        onCorrect: () => navigation.onCorrect(district.districtId),
        onEnter: () => navigation.onEnter(district.districtId),
        onClose: () => {
          selected = null;
          render();
        },
      }),
    );
  };

  function render(): void {
    // Keep the keyboard where it was: elements carry a stable focus key across re-renders.
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.['focusKey'];
    renderHeading();
    renderLive();
    errorBox.replaceChildren(
      ...[
        loadError ? h('div', { class: 'alert alert-error', role: 'alert' }, loadError) : null,
        notice ? h('div', { class: 'alert alert-success', role: 'status' }, notice) : null,
      ].filter((node) => node !== null),
    );
    renderProgress();
    legendBox.replaceChildren(stateFilter(gridOptions()));
    tiles.update(gridOptions());
    renderDetail();
    list.update(gridOptions());
    renderAttention();
    if (totals) totalsBox.replaceChildren(electionTotalsView(totals));
    if (focusKey) page.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`)?.focus();
  }

  const refresh = async (): Promise<void> => {
    try {
      const [statuses, sums] = await Promise.all([officeApi.districtStatuses(electionId), officeApi.totals(electionId)]);
      districts = [...statuses.districts];
      totals = sums;
      loadError = null;
    } catch (error) {
      loadError = `${t('error.loadFailed')} ${errorMessage(error, currentLanguage(), t)}`;
    }
    render();
  };

  // A burst of events (many boards at once) is drawn once per frame, not once per event.
  let renderPending = false;
  function scheduleRender(): void {
    if (renderPending) return;
    renderPending = true;
    requestAnimationFrame(() => {
      renderPending = false;
      render();
    });
  }

  function scheduleRefresh(delay = REFRESH_DEBOUNCE_MS): void {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refresh(), delay);
  }

  const socket = followElection(
    electionId,
    {
      'election-night:district': (event) => {
        districts = applyStatusEvent(districts, event);
        scheduleRender();
        scheduleRefresh();
      },
      'election-night:progress': () => scheduleRefresh(),
    },
    (state) => {
      const rejoined = state === 'live' && connection !== 'live';
      connection = state;
      renderLive();
      // After every (re)join the snapshot is fetched again: events missed while offline are not lost.
      if (rejoined) scheduleRefresh(0);
    },
  );

  onDispose(page, () => {
    socket.close();
    clearTimeout(refreshTimer);
  });

  renderHeading();
  renderLive();
  progressBox.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('app.loading')));
  officeApi.election(electionId).then(
    (summary) => {
      election = summary;
      renderHeading();
      document.title = `${t('night.title')} – ${summary.name} – ${t('app.name')}`;
    },
    (error: unknown) => {
      loadError = `${t('error.loadFailed')} ${errorMessage(error, currentLanguage(), t)}`;
      render();
    },
  );
  void refresh();
  return page;
}
