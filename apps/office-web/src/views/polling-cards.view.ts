import { followElection } from '../api/live-updates';
import { officeApi } from '../api/office-api';
import type { ElectionSummary } from '../api/office-api.types';
import type { CardLayout, PollingCardJob, PollingCardJobDetail } from '../api/polling-cards.types';
import { formatClockTime, formatElectionDay, formatNumber } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { canCancel, canResume, currentJob, isActive, mergeJob, progressParts } from '../polling-cards/polling-cards-screen';
import { h, onDispose, saveFile } from '@wahl/web-kit';
import { errorMessage } from './error-message';

// Polling cards of an election (/office/wahlen/<id>/wahlbenachrichtigungen, DOMAIN.md 3): start the
// print run (or the follow-up for later entries), follow it on a progress bar that the server's
// socket events move (done, total, rate, remaining time), cancel and resume it, download the lots
// and the manifest for the print shop, preview a card and print a replacement for a lost one.

const number = (value: number): string => formatNumber(value, currentLanguage());
const clock = (iso: string): string => formatClockTime(new Date(iso), currentLanguage());

function progressLabel(job: PollingCardJob): string {
  const parts = progressParts(job);
  return [
    `${job.percent} %`,
    t('cards.progressPieces', { done: number(parts.done), total: number(parts.total) }),
    parts.rate ? t('cards.progressRate', { count: number(parts.rate) }) : null,
    parts.eta ? t('cards.progressEta', { time: parts.eta }) : null,
    t('cards.progressLots', { done: parts.lotsDone, total: parts.lots }),
  ]
    .filter(Boolean)
    .join(' · ');
}

const alert = (kind: 'error' | 'success', text: string): HTMLElement =>
  h('div', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);

export function pollingCardsView(electionId: string): HTMLElement {
  let jobs: PollingCardJob[] = [];
  let detail: PollingCardJobDetail | null = null;

  const heading = h('div', { class: 'page-heading' });
  const actionsOutput = h('div', { 'aria-live': 'polite' });
  const progressBox = h('div', { class: 'cards-progress', 'aria-live': 'polite' });
  const filesBox = h('div', {});
  const jobsBox = h('div', {});
  const replacementOutput = h('div', { 'aria-live': 'polite' });

  const layout = h(
    'select',
    { id: 'cards-layout', class: 'select' },
    (['a4', 'a5', 'postcard'] as const).map((value) => h('option', { value }, t(`cards.layout.${value}`))),
  );
  const fail = (box: HTMLElement) => (error: unknown) => box.replaceChildren(alert('error', errorMessage(error, currentLanguage(), t)));

  const start = (kind: 'main' | 'follow-up'): void => {
    actionsOutput.replaceChildren();
    officeApi.startPollingCards(electionId, kind, layout.value as CardLayout).then((job) => {
      jobs = mergeJob(jobs, job);
      render();
    }, fail(actionsOutput));
  };

  const preview = (): void => {
    actionsOutput.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('cards.previewLoading')));
    officeApi.pollingCardPreview(electionId, layout.value as CardLayout).then(({ blob }) => {
      actionsOutput.replaceChildren();
      saveFile(blob, 'wahlbenachrichtigung-vorschau.pdf');
    }, fail(actionsOutput));
  };

  const actionsCard = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'cards-start-title' },
    h('h2', { id: 'cards-start-title', class: 'section-title' }, t('cards.startTitle')),
    h('p', { class: 'form-hint' }, t('cards.startHint')),
    h('div', { class: 'field' }, h('label', { for: layout.id }, t('cards.layout')), layout),
    h(
      'div',
      { class: 'button-row' },
      h(
        'button',
        {
          type: 'button',
          class: 'button button-primary',
          id: 'cards-start-main',
          onclick: () => window.confirm(t('cards.confirmMain')) && start('main'),
        },
        t('cards.startMain'),
      ),
      h(
        'button',
        { type: 'button', class: 'button button-secondary', id: 'cards-start-follow-up', onclick: () => start('follow-up') },
        t('cards.startFollowUp'),
      ),
      h('button', { type: 'button', class: 'button button-secondary', id: 'cards-preview', onclick: preview }, t('cards.preview')),
    ),
    actionsOutput,
  );

  const renderProgress = (): void => {
    const job = currentJob(jobs);
    if (!job) {
      progressBox.replaceChildren(h('p', { class: 'form-hint' }, t('cards.noJob')));
      return;
    }
    const label = progressLabel(job);
    const buttons = [
      canCancel(job)
        ? h(
            'button',
            {
              type: 'button',
              class: 'button button-secondary',
              id: 'cards-cancel',
              onclick: () =>
                officeApi
                  .cancelPollingCards(electionId, job.id)
                  .then((next) => ((jobs = mergeJob(jobs, next)), render()), fail(progressBox)),
            },
            t('cards.cancel'),
          )
        : null,
      canResume(job)
        ? h(
            'button',
            {
              type: 'button',
              class: 'button button-primary',
              id: 'cards-resume',
              onclick: () =>
                officeApi
                  .resumePollingCards(electionId, job.id)
                  .then((next) => ((jobs = mergeJob(jobs, next)), render()), fail(progressBox)),
            },
            t('cards.resume'),
          )
        : null,
    ];
    progressBox.replaceChildren(
      h(
        'p',
        { class: 'progress-figure' },
        h('strong', {}, t('cards.jobTitle', { number: job.jobNumber, kind: job.kindLabel, status: job.statusLabel })),
        h('span', { id: 'cards-progress-text' }, label),
      ),
      h(
        'div',
        {
          class: 'progress-bar',
          id: 'cards-progress',
          role: 'progressbar',
          'aria-valuemin': 0,
          'aria-valuemax': 100,
          'aria-valuenow': job.percent,
          'aria-valuetext': label,
        },
        h('span', { style: `width: ${job.percent}%` }),
      ),
      h('p', { class: 'form-hint' }, job.message ?? ''),
      h('div', { class: 'button-row' }, ...buttons),
    );
  };

  const renderFiles = (): void => {
    if (!detail || detail.files.length === 0) {
      filesBox.replaceChildren();
      return;
    }
    const current = detail;
    filesBox.replaceChildren(
      h(
        'section',
        { class: 'card panel', 'aria-labelledby': 'cards-files-title' },
        h('h2', { id: 'cards-files-title', class: 'section-title' }, t('cards.filesTitle', { number: current.jobNumber })),
        h(
          'ul',
          { class: 'file-list', id: 'cards-files' },
          current.files.map((file) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'link-button',
                  onclick: () =>
                    void officeApi
                      .pollingCardFile(electionId, current.id, file.name)
                      .then(({ blob }) => saveFile(blob, file.name), fail(filesBox)),
                },
                file.name,
              ),
              file.bytes !== null ? h('span', { class: 'card-meta' }, ` ${number(Math.round(file.bytes / 1024))} KB`) : null,
            ),
          ),
        ),
      ),
    );
  };

  const renderJobs = (): void => {
    if (jobs.length === 0) {
      jobsBox.replaceChildren();
      return;
    }
    const head = [t('cards.col.number'), t('cards.col.kind'), t('cards.col.status'), t('cards.col.pieces'), t('cards.col.created')];
    jobsBox.replaceChildren(
      h(
        'section',
        { class: 'card panel' },
        h(
          'table',
          { class: 'data-table', id: 'cards-jobs' },
          h('caption', { class: 'section-title' }, t('cards.jobsTitle')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              head.map((label) => h('th', { scope: 'col' }, label)),
            ),
          ),
          h(
            'tbody',
            {},
            jobs.map((job) =>
              h(
                'tr',
                {},
                h(
                  'td',
                  { class: 'mono' },
                  h('button', { type: 'button', class: 'link-button', onclick: () => void loadDetail(job.id) }, String(job.jobNumber)),
                ),
                h('td', {}, job.kindLabel),
                h('td', {}, job.statusLabel),
                h('td', { class: 'num' }, `${number(job.piecesDone)} / ${number(job.pieces)}`),
                h('td', {}, `${clock(job.createdAt)} · ${job.createdBy}`),
              ),
            ),
          ),
        ),
      ),
    );
  };

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

  // ---- Replacement card ----------------------------------------------------------------------
  const voterId = h('input', {
    type: 'number',
    id: 'cards-replacement-voter',
    class: 'input',
    min: '1',
    required: true,
    inputmode: 'numeric',
  });
  const reason = h('input', { type: 'text', id: 'cards-replacement-reason', class: 'input', required: true, maxlength: '500' });
  const replacementCard = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'cards-replacement-title' },
    h('h2', { id: 'cards-replacement-title', class: 'section-title' }, t('cards.replacementTitle')),
    h('p', { class: 'form-hint' }, t('cards.replacementHint')),
    h(
      'form',
      {
        class: 'form',
        novalidate: true,
        onsubmit: (event: Event) => {
          event.preventDefault();
          replacementOutput.replaceChildren();
          officeApi.replacementCard(electionId, Number(voterId.value), reason.value).then((job) => {
            replacementOutput.replaceChildren(alert('success', t('cards.replacementDone', { number: job.jobNumber })));
            const pdf = job.files.find((file) => file.kind === 'lot');
            if (pdf)
              void officeApi
                .pollingCardFile(electionId, job.id, pdf.name)
                .then(({ blob }) => saveFile(blob, pdf.name), fail(replacementOutput));
            jobs = mergeJob(jobs, job);
            renderJobs();
          }, fail(replacementOutput));
        },
      },
      h('div', { class: 'field' }, h('label', { for: voterId.id }, t('cards.replacementVoter')), voterId),
      h('div', { class: 'field' }, h('label', { for: reason.id }, t('cards.replacementReason')), reason),
      h('button', { type: 'submit', class: 'button button-secondary', id: 'cards-replacement-submit' }, t('cards.replacementSubmit')),
    ),
    replacementOutput,
  );

  const renderHeading = (election: ElectionSummary | null): void => {
    heading.replaceChildren(
      h(
        'div',
        {},
        h('p', { class: 'eyebrow' }, election ? `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}` : ''),
        h('h1', { tabindex: '-1' }, t('cards.title')),
      ),
    );
  };

  const page = h(
    'section',
    { class: 'page cards' },
    heading,
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
        const wasActive = jobs.find((known) => known.id === job.id);
        jobs = mergeJob(jobs, job);
        renderProgress();
        if (!isActive(job) && (!wasActive || isActive(wasActive))) void refresh();
      },
    },
    () => undefined,
  );
  onDispose(page, () => socket.close());

  renderHeading(null);
  officeApi.election(electionId).then(
    (loaded) => {
      renderHeading(loaded);
      document.title = `${t('cards.title')} – ${loaded.name} – ${t('app.name')}`;
    },
    () => undefined,
  );
  void refresh();
  return page;
}
