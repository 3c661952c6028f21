import { h, saveFile } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

export const describe = (error: unknown): string => errorMessage(error, currentLanguage(), t);

export const notice = (kind: 'error' | 'success' | 'warning', text: string): HTMLElement =>
  h('p', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);

/** A button that downloads a PDF of the postal office (again); a failure shows in `box`. */
export function pdfButton(label: string, load: () => Promise<{ blob: Blob; fileName: string | null }>, box: HTMLElement): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'button button-secondary button-small',
      onclick: () => void downloadPdf(load, box),
    },
    label,
  );
}

export async function downloadPdf(load: () => Promise<{ blob: Blob; fileName: string | null }>, box: HTMLElement): Promise<void> {
  try {
    const { blob, fileName } = await load();
    saveFile(blob, fileName ?? 'briefwahl.pdf');
  } catch (error) {
    box.append(notice('error', describe(error)));
  }
}

/** Buttons for the certificates and labels of one issuing run (the existing batch PDFs). */
export function batchFiles(electionId: string, batchId: string, box: HTMLElement, single: boolean): HTMLElement {
  return h(
    'div',
    { class: 'button-row' },
    pdfButton(
      t(single ? 'postal.certificatePdf' : 'postal.certificatesPdf'),
      () => officeApi.issueBatchFile(electionId, batchId, 'wahlscheine.pdf'),
      box,
    ),
    pdfButton(
      t(single ? 'postal.labelPdf' : 'postal.labelsPdf'),
      () => officeApi.issueBatchFile(electionId, batchId, 'etiketten.pdf'),
      box,
    ),
  );
}
