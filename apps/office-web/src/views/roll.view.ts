import { h, onDispose } from '@wahl/web-kit';
import { followElection } from '../api/live-updates';
import { officeApi } from '../api/office-api';
import type { ElectionSummary } from '../api/office-api.types';
import type { RollSummary } from '../api/roll.types';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { errorMessage } from './error-message';
import { buildPanel } from './roll/roll-build.view';
import { rollImport } from './roll/roll-import.view';
import { rollProposals } from './roll/roll-proposals.view';
import { summaryPanel } from './roll/roll-summary.view';
import { rollStatusKey } from '../roll/roll-screen';
import { unmatchedPanel } from './roll/roll-unmatched.view';
import { rollPrintsPanel } from './roll/roll-prints.view';
import { rollClosingPanel } from './roll/roll-closing.view';
import { rollSearchPanel } from './roll/roll-search.view';

// The electoral roll of an election (/office/wahlen/<id>/waehlerverzeichnis, DOMAIN.md 1–2):
// import the register export with a progress bar and its errors, build the roll as of the cut-off
// day, its summary, the addresses without a unique district, and the change proposals after it.
// This file lays the panels out and refreshes them; each panel lives in views/roll/, the plain
// logic (progress, outcomes, decisions) in roll/roll-screen.ts.

/** Election name and day, the page title, and the roll's status with its cut-off day. */
function rollHeading(election: ElectionSummary | null, summary: RollSummary | null): Node[] {
  const title = h(
    'div',
    {},
    h('p', { class: 'eyebrow' }, election ? `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}` : ''),
    h('h1', { tabindex: '-1' }, t('roll.title')),
  );
  const status = summary
    ? h(
        'p',
        { class: `roll-status roll-status-${summary.outdated ? 'outdated' : summary.status}`, id: 'roll-status' },
        t(rollStatusKey(summary)),
        ' · ',
        t('roll.cutoff', { day: formatElectionDay(summary.cutoffDay, currentLanguage()) }),
      )
    : h('span', {});
  return [title, status];
}

export function rollView(electionId: string): HTMLElement {
  let summary: RollSummary | null = null;
  let election: ElectionSummary | null = null;

  const heading = h('div', { class: 'page-heading' });
  const buildBox = h('div', { class: 'build-box' });
  const summaryBox = h('div', {});
  const unmatchedBox = h('div', {});
  const proposalsBox = h('div', {});
  const printsBox = h('div', {});
  const closingBox = h('div', {});

  const refresh = async (): Promise<void> => {
    try {
      summary = await officeApi.rollSummary(electionId);
    } catch (error) {
      summaryBox.replaceChildren(
        h('div', { class: 'alert alert-error', role: 'alert' }, `${t('error.loadFailed')} ${errorMessage(error, currentLanguage(), t)}`),
      );
      return;
    }
    heading.replaceChildren(...rollHeading(election, summary));
    buildBox.replaceChildren(buildPanel(electionId, summary, () => void refresh()));
    summaryBox.replaceChildren(summaryPanel(summary));
    unmatchedBox.replaceChildren(unmatchedPanel(electionId, summary.districts, () => void refresh()));
    proposalsBox.replaceChildren(proposals.render());
    printsBox.replaceChildren(rollPrintsPanel(electionId, summary) ?? '');
    closingBox.replaceChildren(rollClosingPanel(electionId, summary, () => void refresh()) ?? '');
  };

  const importer = rollImport(
    electionId,
    () => page.isConnected,
    () => void refresh(),
  );
  const proposals = rollProposals(electionId, () => void refresh());

  const page = h(
    'section',
    { class: 'page roll' },
    heading,
    h(
      'div',
      { class: 'dashboard-grid' },
      h('div', { class: 'dashboard-main' }, importer.element, buildBox, summaryBox, closingBox),
      h('div', { class: 'dashboard-side' }, rollSearchPanel(electionId), printsBox, unmatchedBox, proposalsBox),
    ),
  );

  // An import started elsewhere (CLI, another clerk) shows its progress here too.
  const socket = followElection(
    electionId,
    {
      'roll:import': (status) => {
        if (importer.uploading()) importer.serverStatus(status);
        else if (status.status !== 'running') void refresh();
      },
      'roll:changed': () => !importer.uploading() && void refresh(),
    },
    () => undefined,
  );
  onDispose(page, () => socket.close());

  heading.replaceChildren(...rollHeading(null, summary));
  officeApi.election(electionId).then(
    (loaded) => {
      election = loaded;
      heading.replaceChildren(...rollHeading(election, summary));
      document.title = `${t('roll.title')} – ${loaded.name} – ${t('app.name')}`;
    },
    () => undefined,
  );
  // The last import's result stays visible after a reload.
  officeApi.registerImports(electionId).then(
    (jobs) => {
      const last = jobs[0];
      if (!last || importer.uploading()) return;
      officeApi.registerImport(electionId, last.id).then(importer.showLast, () => undefined);
    },
    () => undefined,
  );
  void refresh();
  return page;
}
