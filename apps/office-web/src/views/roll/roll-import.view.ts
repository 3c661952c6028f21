import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RegisterEncoding, RegisterImportJob, RegisterImportStatus } from '../../api/roll.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { progressLabel, uploadProgress } from '../../roll/roll-screen';
import { errorMessage } from '../error-message';
import { importResult } from './roll-import-result.view';
import { progressBar } from '../shared/progress-bar.view';
import { clock, number } from './roll-parts.view';

const POLL_MS = 1000;

export type RollImport = {
  readonly element: HTMLElement;
  /** True while this page uploads a register; the page then leaves its panels alone. */
  uploading(): boolean;
  /** The server's status of an import (socket): moves this page's bar while uploading. */
  serverStatus(status: RegisterImportStatus): void;
  /** The last import's result, shown after a reload. */
  showLast(job: RegisterImportJob): void;
};

/**
 * The import card: the register file, its encoding, whether invalid rows may be skipped; a
 * progress bar while the file uploads (bytes sent, and the records the server has read), then the
 * import's result. `isLive` tells whether the page is still shown (the poll stops otherwise).
 */
export function rollImport(electionId: string, isLive: () => boolean, onImported: () => void): RollImport {
  let uploading = false;
  let shownPercent: number | null = null;
  let running: RegisterImportStatus | null = null;
  let sentBytes = 0;
  let totalBytes = 0;

  const importStatus = h('div', { class: 'import-status', 'aria-live': 'polite' });
  const importOutput = h('div', {});

  const file = formField({
    control: h('input', {
      type: 'file',
      id: 'register-file',
      name: 'file',
      accept: '.csv,text/csv,text/plain',
      class: 'file-input',
      required: true,
    }),
    label: t('roll.file'),
    hint: t('roll.fileHint'),
  });
  const encoding = h(
    'select',
    { id: 'register-encoding', class: 'select' },
    (['auto', 'utf-8', 'windows-1252'] as const).map((value) => h('option', { value }, t(`roll.encoding.${value}`))),
  );
  const skipInvalid = h('input', { type: 'checkbox', id: 'register-skip', class: 'checkbox' });
  const startButton = h('button', { type: 'submit', class: 'button button-primary', id: 'register-start' }, t('roll.importStart'));

  const showProgress = (server: RegisterImportStatus | null): void => {
    const progress = uploadProgress(sentBytes, totalBytes, server, shownPercent);
    shownPercent = progress.percent;
    const label = progressLabel(progress, {
      unknown: t('roll.progressUnknown'),
      records: (count) => t('roll.progressRecords', { count: number(count) }),
      rate: (count) => t('roll.progressRate', { count: number(count) }),
    });
    importStatus.replaceChildren(
      h('p', { class: 'progress-figure' }, h('strong', {}, t('roll.importRunning')), h('span', { id: 'import-progress-text' }, label)),
      progressBar('import-progress', progress.percent, label, t('roll.importRunning')),
    );
  };

  // The socket may be slower than the upload; the list of imports names the running one too.
  const pollRunning = (): void => {
    if (!uploading || !isLive()) return;
    officeApi.registerImports(electionId).then(
      (jobs) => {
        const job = jobs.find((candidate) => candidate.status === 'running') ?? null;
        if (job && uploading) {
          running = job;
          showProgress(running);
        }
      },
      () => undefined,
    );
    setTimeout(pollRunning, POLL_MS);
  };

  const onImport = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (uploading) return;
    const chosen = file.control.files?.[0];
    if (!chosen) {
      file.setError(t('roll.fileMissing'));
      file.control.focus();
      return;
    }
    file.setError(null);
    uploading = true;
    shownPercent = null;
    running = null;
    sentBytes = 0;
    totalBytes = chosen.size;
    startButton.disabled = true;
    importOutput.replaceChildren();
    showProgress(null);
    setTimeout(pollRunning, POLL_MS);
    try {
      const job = await officeApi.uploadRegister(
        electionId,
        chosen,
        { encoding: encoding.value as RegisterEncoding, skipInvalid: skipInvalid.checked },
        (sent, total) => {
          sentBytes = sent;
          totalBytes = total;
          showProgress(running);
        },
      );
      uploading = false;
      importStatus.replaceChildren(progressBar('import-progress', 100, '100 %', t('roll.importRunning')));
      importOutput.replaceChildren(importResult(electionId, job));
      file.control.value = '';
      onImported();
    } catch (error) {
      uploading = false;
      importStatus.replaceChildren();
      importOutput.replaceChildren(
        h(
          'div',
          { class: 'alert alert-error', role: 'alert' },
          h('p', {}, h('strong', {}, t('roll.outcome.failed'))),
          h('p', {}, errorMessage(error, currentLanguage(), t)),
        ),
      );
    } finally {
      startButton.disabled = false;
    }
  };

  const element = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title', class: 'section-title' }, t('roll.importTitle')),
    h('p', { class: 'form-hint' }, t('roll.importHint')),
    h(
      'form',
      { class: 'form import-form', novalidate: true, onsubmit: (event: Event) => void onImport(event) },
      file.root,
      h('div', { class: 'field' }, h('label', { for: encoding.id }, t('roll.encoding')), encoding),
      h(
        'label',
        { class: 'check', for: skipInvalid.id },
        skipInvalid,
        h('span', {}, t('roll.skipInvalid'), h('span', { class: 'form-hint check-hint' }, t('roll.skipInvalidHint'))),
      ),
      startButton,
    ),
    importStatus,
    importOutput,
  );

  return {
    element,
    uploading: () => uploading,
    serverStatus: (status) => {
      if (!uploading) return;
      running = status;
      showProgress(status);
    },
    showLast: (job) => {
      if (uploading) return;
      importOutput.replaceChildren(
        h('p', { class: 'card-meta' }, t('roll.lastImport', { time: clock(job.startedAt), user: job.createdBy })),
        importResult(electionId, job),
      );
    },
  };
}
