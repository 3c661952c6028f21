import { formatCount, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { t } from '../../i18n/i18n';
import { runIssue, type IssueRunProgress, type IssueRunResult } from '../../postal/issue-run';
import { progressBar } from '../shared/progress-bar.view';
import { batchFiles, describe, notice } from './postal-parts.view';

const progressText = (progress: IssueRunProgress): string =>
  t('postal.runProgress', {
    issued: formatCount(progress.issued),
    total: formatCount(progress.total),
    skipped: formatCount(progress.skipped.length),
  });

function progressView(progress: IssueRunProgress): HTMLElement {
  const done = progress.issued + progress.skipped.length;
  const text = progressText(progress);
  const percent = progress.total === 0 ? 100 : Math.floor((100 * done) / progress.total);
  return h(
    'div',
    { class: 'issue-run' },
    h('p', { id: 'queue-progress-text' }, text),
    progressBar('queue-progress', percent, text, t('postal.runProgressName')),
  );
}

/** The end of a run: the counts, a cancelled run's note, the skipped ones with reasons, the run's PDFs. */
function summary(electionId: string, result: IssueRunResult, box: HTMLElement): (HTMLElement | string)[] {
  return [
    notice(
      result.skipped.length ? 'warning' : 'success',
      t('postal.issuedBatch', { issued: result.issued, skipped: result.skipped.length }),
    ),
    result.cancelled
      ? notice('warning', t('postal.runCancelled', { issued: formatCount(result.issued), total: formatCount(result.total) }))
      : '',
    result.skipped.length
      ? h(
          'ul',
          { class: 'skipped-list', id: 'queue-skipped', 'aria-label': t('postal.runSkippedList') },
          result.skipped.map((skip) => h('li', {}, t('postal.skipped', { reference: skip.reference ?? '–', reason: skip.reason }))),
        )
      : '',
    result.issued > 0 && result.batchId ? batchFiles(electionId, result.batchId, box, false) : '',
  ];
}

/**
 * Runs the issuing of `applicationIds` in `box`: a labelled progress bar with the counts and
 * "Abbrechen" (stops after the chunk under way); at the end the summary with the run's two PDFs. A
 * failing chunk shows its error beside what was issued up to then.
 */
export async function issueRun(electionId: string, box: HTMLElement, applicationIds: () => Promise<readonly string[]>): Promise<void> {
  let stopRequested = false;
  const cancel: HTMLButtonElement = h(
    'button',
    {
      type: 'button',
      class: 'button button-secondary',
      id: 'queue-cancel',
      onclick: () => {
        stopRequested = true;
        cancel.disabled = true;
        cancel.textContent = t('postal.runCancelling');
      },
    },
    t('postal.runCancel'),
  );
  const progress = h('div', {}, h('p', { role: 'status' }, t('postal.runCollecting')));
  box.replaceChildren(progress, h('div', { class: 'button-row' }, cancel));
  // What was issued up to a failing chunk (set from the progress callback).
  const reached: { progress: IssueRunProgress | null } = { progress: null };
  try {
    const ids = await applicationIds();
    const result = await runIssue(
      ids,
      (chunk, batchId) => officeApi.issueCertificates(electionId, chunk, batchId),
      (now) => {
        reached.progress = now;
        progress.replaceChildren(progressView(now));
      },
      () => stopRequested,
    );
    box.replaceChildren(progressView(result), ...summary(electionId, result, box));
  } catch (error) {
    const sofar = reached.progress;
    box.replaceChildren(
      notice('error', describe(error)),
      ...(sofar ? [progressView(sofar), ...summary(electionId, { ...sofar, cancelled: true }, box)] : []),
    );
  }
}
