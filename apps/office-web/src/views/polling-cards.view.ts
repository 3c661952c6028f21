import { h, onDispose, saveFile } from '@wahl/web-kit';
import { followElection } from '../api/live-updates';
import { officeApi } from '../api/office-api';
import type { ElectionSummary } from '../api/office-api.types';
import type { PollingCardJob, PollingCardJobDetail } from '../api/polling-cards.types';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { currentJob, endsJob, isActive, mergeJob } from '../polling-cards/polling-cards-screen';
import { cardsActions } from './polling-cards/cards-actions.view';
import { cardsFiles } from './polling-cards/cards-files.view';
import { cardsJobs } from './polling-cards/cards-jobs.view';
import { fail } from './polling-cards/cards-parts.view';
import { cardsProgress } from './polling-cards/cards-progress.view';
import { cardsReplacement } from './polling-cards/cards-replacement.view';
import { publicAddressWarning } from './shared/public-address-warning.view';

// Polling cards of an election (/office/wahlen/<id>/wahlbenachrichtigungen, DOMAIN.md 3): start the
// print run (or the follow-up for later entries), follow it on a progress bar that the server's
// socket events move (done, total, rate, remaining time), cancel and resume it, download the lots
// and the manifest for the print shop, preview a card and print a replacement for a lost one.
// This file holds the jobs and lays the panels out (views/polling-cards/); the plain logic is in
// polling-cards/polling-cards-screen.ts.

function cardsHeading(election: ElectionSummary | null): HTMLElement {
  return h(
    'div',
    {},
    h('p', { class: 'eyebrow' }, election ? `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}` : ''),
    h('h1', { tabindex: '-1' }, t('cards.title')),
  );
}

export function pollingCardsView(electionId: string): HTMLElement {
  let jobs: PollingCardJob[] = [];
  let detail: PollingCardJobDetail | null = null;

  const heading = h('div', { class: 'page-heading' });
  const actionsOutput = h('div', { 'aria-live': 'polite' });
  const progressBox = h('div', { class: 'cards-progress', 'aria-live': 'polite' });
  const filesBox = h('div', {});
  const jobsBox = h('div', {});

  const updated = (job: PollingCardJob): void => {
    jobs = mergeJob(jobs, job);
    render();
  };

  const renderProgress = (): void =>
    progressBox.replaceChildren(
      ...cardsProgress(currentJob(jobs), {
        cancel: (job) => void officeApi.cancelPollingCards(electionId, job.id).then(updated, fail(progressBox)),
        resume: (job) => void officeApi.resumePollingCards(electionId, job.id).then(updated, fail(progressBox)),
      }),
    );
  const renderFiles = (): void =>
    filesBox.replaceChildren(
      ...cardsFiles(detail, (jobId, fileName) =>
        officeApi.pollingCardFile(electionId, jobId, fileName).then(({ blob }) => saveFile(blob, fileName), fail(filesBox)),
      ),
    );
  const renderJobs = (): void => jobsBox.replaceChildren(...cardsJobs(jobs, (jobId) => void loadDetail(jobId)));
  const render = (): void => {
    renderProgress();
    renderFiles();
    renderJobs();
  };

  const loadDetail = async (jobId: string): Promise<void> => {
    try {
      detail = await officeApi.pollingCardJob(electionId, jobId);
      renderFiles();
    } catch (error) {
      fail(filesBox)(error);
    }
  };

  const refresh = async (): Promise<void> => {
    try {
      jobs = await officeApi.pollingCardJobs(electionId);
    } catch (error) {
      fail(progressBox)(error);
      return;
    }
    render();
    const job = currentJob(jobs);
    if (job && !isActive(job)) await loadDetail(job.id);
  };

  const actionsCard = cardsActions(actionsOutput, {
    start: (kind, layout) => {
      actionsOutput.replaceChildren();
      officeApi.startPollingCards(electionId, kind, layout).then(updated, fail(actionsOutput));
    },
    preview: (layout) => {
      actionsOutput.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('cards.previewLoading')));
      officeApi.pollingCardPreview(electionId, layout).then(({ blob }) => {
        actionsOutput.replaceChildren();
        saveFile(blob, 'wahlbenachrichtigung-vorschau.pdf');
      }, fail(actionsOutput));
    },
  });
  const replacementCard = cardsReplacement(electionId, (job) => {
    jobs = mergeJob(jobs, job);
    renderJobs();
  });

  const page = h(
    'section',
    { class: 'page cards' },
    heading,
    publicAddressWarning(),
    h(
      'div',
      { class: 'dashboard-grid' },
      h(
        'div',
        { class: 'dashboard-main' },
        actionsCard,
        h('section', { class: 'card panel', 'aria-label': t('cards.progressTitle') }, progressBox),
        filesBox,
      ),
      h('div', { class: 'dashboard-side' }, jobsBox, replacementCard),
    ),
  );

  // Progress of a job started here, by another clerk or from the CLI.
  const socket = followElection(
    electionId,
    {
      'cards:job': (job) => {
        const previous = jobs.find((known) => known.id === job.id);
        jobs = mergeJob(jobs, job);
        renderProgress();
        if (endsJob(previous, job)) void refresh();
      },
    },
    () => undefined,
  );
  onDispose(page, () => socket.close());

  heading.replaceChildren(cardsHeading(null));
  officeApi.election(electionId).then(
    (loaded) => {
      heading.replaceChildren(cardsHeading(loaded));
      document.title = `${t('cards.title')} – ${loaded.name} – ${t('app.name')}`;
    },
    () => undefined,
  );
  void refresh();
  return page;
}
