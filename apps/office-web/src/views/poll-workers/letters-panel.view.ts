import { h, saveFile } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { LetterRun } from '../../api/poll-worker-duties.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';
import { number } from '../polling-cards/cards-parts.view';

const POLL_MS = 1000;

/** Appointment letters: start a run, follow its progress, download the PDF (which holds the members' access codes). */
export function lettersPanel(electionId: string): HTMLElement {
  const status = h('p', { class: 'form-hint', role: 'status', id: 'letters-status' });
  const download = h('div', {});
  const start = h('button', { type: 'button', class: 'button button-primary', id: 'letters-start' }, t('pwDuties.letters.start'));

  const show = (run: LetterRun | undefined): void => {
    download.replaceChildren();
    if (!run) {
      status.textContent = t('pwDuties.letters.none');
      return;
    }
    status.textContent = t(`pwDuties.letters.state.${run.state}`, { done: number(run.done), letters: number(run.letters) });
    if (run.message) status.textContent += ` ${run.message}`;
    start.disabled = run.state === 'queued' || run.state === 'running';
    if (run.state === 'queued' || run.state === 'running') {
      setTimeout(() => officeApi.letterRun(electionId, run.id).then(show, failed), POLL_MS);
    }
    if (run.state === 'succeeded') {
      const button = h(
        'button',
        { type: 'button', class: 'button button-secondary', id: 'letters-download' },
        t('pwDuties.letters.download'),
      );
      button.addEventListener('click', () =>
        officeApi.letterPdf(electionId, run.id).then(({ blob, fileName }) => saveFile(blob, fileName ?? 'berufungsschreiben.pdf'), failed),
      );
      download.replaceChildren(button);
    }
  };
  const failed = (error: unknown): void => {
    status.textContent = errorMessage(error, currentLanguage(), t);
    start.disabled = false;
  };

  start.addEventListener('click', () => {
    start.disabled = true;
    status.textContent = t('pwDuties.letters.starting');
    officeApi.startLetterRun(electionId, { reissue: false }).then(show, failed);
  });
  officeApi.letterRuns(electionId).then((runs) => show(runs[0]), failed);

  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'letters-title' },
    h('h2', { id: 'letters-title', class: 'section-title' }, t('pwDuties.letters.title')),
    h('p', { class: 'form-hint' }, t('pwDuties.letters.hint')),
    start,
    status,
    download,
  );
}
