import { formField, h, saveFile } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import { officeApi } from '../../api/office-api';
import type { AccountSignature } from '../../api/office-api.types';
import type { CloseRoll, ClosingCounts, RollClosing, RollSummary } from '../../api/roll.types';
import { formatClockTime, formatElectionDay } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage, textForCode } from '../error-message';
import { sendForm } from '../shared/send-form';
import { number } from './roll-parts.view';

// Closing the roll (R1.21, BWO § 24(1)): the counts A1/A2/A3 per district, certified with the
// signed-in account's name and function (kept under "Benutzer", never typed here), then the stored
// certificate as PDF. Before closing the table shows today's counts; afterwards the certified ones,
// which later Wahlscheine never change (R1.16).

type Counts = Pick<ClosingCounts, 'districts' | 'A1' | 'A2' | 'A3' | 'total' | 'A'>;

function countsTable(counts: Counts, caption: string): HTMLElement {
  const columns = ['A1', 'A2', 'total', 'A3', 'A'] as const;
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'roll-closing-caption' },
    h(
      'table',
      { class: 'data-table', id: 'roll-closing-table' },
      h('caption', { id: 'roll-closing-caption', class: 'sr-only' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('closing.col.district')),
          columns.map((c) => h('th', { scope: 'col', class: 'num', title: t(`closing.hint.${c}`) }, t(`closing.col.${c}`))),
        ),
      ),
      h(
        'tbody',
        {},
        counts.districts.map((d) =>
          h(
            'tr',
            { 'data-district': d.number },
            h('th', { scope: 'row' }, `${d.number} ${d.name}`),
            columns.map((c) => h('td', { class: 'num' }, number(d[c]))),
          ),
        ),
      ),
      h(
        'tfoot',
        {},
        h(
          'tr',
          { 'data-district': 'total' },
          h('th', { scope: 'row' }, t('closing.sum')),
          columns.map((c) => h('td', { class: 'num' }, number(counts[c]))),
        ),
      ),
    ),
  );
}

function closedBlock(electionId: string, closing: RollClosing): HTMLElement[] {
  const at = new Date(closing.closedAt);
  const output = h('div', { 'aria-live': 'polite' });
  const pdf = (): void => {
    output.replaceChildren();
    officeApi.rollClosingPdf(electionId).then(
      ({ blob, fileName }) => saveFile(blob, fileName ?? 'abschlussbescheinigung.pdf'),
      (error: unknown) =>
        output.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t))),
    );
  };
  return [
    h(
      'p',
      { class: 'alert alert-success', id: 'roll-closed-note' },
      t('closing.closedAt', {
        day: formatElectionDay(closing.closedAt.slice(0, 10), currentLanguage(), 'short'),
        time: formatClockTime(at, currentLanguage()),
        name: closing.signerName,
        function: closing.signerFunction,
      }),
    ),
    countsTable(closing, t('closing.captionClosed')),
    h('p', { class: 'form-hint' }, t('closing.afterHint')),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', class: 'button button-secondary', id: 'roll-closing-pdf', onclick: pdf }, t('closing.pdf')),
    ),
    output,
  ];
}

/** Who signs: the account's name and function, read-only; without a function the API's refusal, saying where to set it. */
function signerLine(signature: AccountSignature): HTMLElement {
  if (!signature.function.trim()) {
    const refusal = textForCode('SIGNER_FUNCTION_MISSING', 422, currentLanguage(), t) ?? t('error.generic');
    return h('p', { class: 'alert alert-warning', id: 'closing-signer' }, refusal);
  }
  return h(
    'p',
    { id: 'closing-signer' },
    h('strong', {}, t('closing.signedBy', { name: signature.name, function: signature.function })),
    h('span', { class: 'form-hint' }, ` ${t('closing.signedByHint')}`),
  );
}

function closeForm(electionId: string, signature: AccountSignature, onClosed: () => void): HTMLElement {
  const fields = {
    place: formField({
      control: h('input', { id: 'closing-place', name: 'closing-place', type: 'text', autocomplete: 'off', maxlength: '200' }),
      label: t('closing.place'),
    }),
  };
  const message = h('div', { class: 'alert alert-error', role: 'alert', id: 'roll-closing-error' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'roll-close' }, t('closing.submit'));
  submit.disabled = !signature.function.trim();
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const place = fields.place.control.value.trim();
    const body: CloseRoll = place ? { place } : {};
    sendForm({ submit, message, fields }, () => officeApi.closeRoll(electionId, body), onClosed);
  };
  return h(
    'form',
    { class: 'form', id: 'roll-closing-form', novalidate: true, onsubmit: onSubmit },
    h('p', { class: 'form-hint' }, t('closing.formHint')),
    signerLine(signature),
    fields.place.root,
    message,
    h('div', { class: 'button-row' }, submit),
  );
}

/** The closing panel of the roll page; null while no roll is built. */
export function rollClosingPanel(electionId: string, summary: RollSummary | null, onChanged: () => void): HTMLElement | null {
  if (!summary || summary.status === 'not-built') return null;
  const body = h('div', {}, h('p', { class: 'form-hint' }, t('app.loading')));
  const show = (error: unknown): void =>
    body.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t)));
  officeApi.rollClosing(electionId).then(
    (closing) => body.replaceChildren(...closedBlock(electionId, closing)),
    (error: unknown) => {
      if (!(error instanceof ApiError && error.code === 'ROLL_NOT_CLOSED')) return show(error);
      Promise.all([officeApi.closingCounts(electionId), officeApi.signature()]).then(
        ([counts, signature]) =>
          body.replaceChildren(countsTable(counts, t('closing.captionOpen')), closeForm(electionId, signature, onChanged)),
        show,
      );
    },
  );
  return h(
    'section',
    { class: 'card panel', id: 'roll-closing', 'aria-labelledby': 'roll-closing-title' },
    h('h2', { id: 'roll-closing-title', class: 'section-title' }, t('closing.title')),
    body,
  );
}
