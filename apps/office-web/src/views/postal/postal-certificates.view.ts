import { formatDayDate, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { PostalCertificate, PostalInvalidateRequest } from '../../api/postal.types';
import { t, type MessageKey } from '../../i18n/i18n';
import { emptyState } from '../chrome.view';
import { describe, downloadPdf, notice, pdfButton } from './postal-parts.view';

const REASONS = ['not-received', 'damaged', 'lost', 'other'] as const satisfies readonly PostalInvalidateRequest['reason'][];

/**
 * Declaring a certificate invalid, with a replacement under a new number if wanted. A lost one is
 * never replaced (the API refuses it too), so the box is off for that reason.
 */
function invalidateForm(electionId: string, certificate: PostalCertificate, box: HTMLElement, onChanged: () => void): HTMLElement {
  const id = (name: string): string => `invalidate-${name}-${certificate.id}`;
  const reason = h(
    'select',
    { id: id('reason'), class: 'select' },
    REASONS.map((value) => h('option', { value }, t(`postal.reason.${value}` as MessageKey))),
  );
  const note = h('input', { id: id('note'), class: 'input', maxlength: '1000' });
  const replace = h('input', { type: 'checkbox', id: id('replace'), class: 'checkbox' });
  const lostHint = h('p', { class: 'form-hint', hidden: true }, t('postal.replaceLost'));
  const problem = h('div', { 'aria-live': 'polite' });
  const syncReplace = (): void => {
    const lost = reason.value === 'lost';
    replace.disabled = lost;
    if (lost) replace.checked = false;
    lostHint.hidden = !lost;
  };
  reason.addEventListener('change', syncReplace);
  const submit = (event: Event): void => {
    event.preventDefault();
    const body: PostalInvalidateRequest = {
      reason: reason.value as PostalInvalidateRequest['reason'],
      replace: replace.checked,
      ...(note.value.trim() ? { note: note.value } : {}),
    };
    officeApi.invalidateCertificate(electionId, certificate.id, body).then(
      (outcome) => {
        const replacement = outcome.replacement;
        box.replaceChildren(
          notice(
            'success',
            replacement
              ? t('postal.replaced', { number: certificate.number, replacement: replacement.number })
              : t('postal.invalidated', { number: certificate.number }),
          ),
        );
        onChanged();
        if (replacement) void downloadPdf(() => officeApi.certificatePdf(electionId, replacement.id), box);
      },
      (error: unknown) => problem.replaceChildren(notice('error', describe(error))),
    );
  };
  return h(
    'form',
    { class: 'form invalidate-form', novalidate: true, onsubmit: submit },
    h('div', { class: 'field' }, h('label', { for: reason.id }, t('postal.invalidReasonLabel')), reason),
    h('div', { class: 'field' }, h('label', { for: note.id }, t('postal.invalidNote')), note),
    h('label', { class: 'check', for: replace.id }, replace, h('span', {}, t('postal.replace'))),
    lostHint,
    problem,
    h('button', { type: 'submit', class: 'button button-danger-outline' }, t('postal.invalidateConfirm')),
  );
}

function certificateCard(electionId: string, certificate: PostalCertificate, onChanged: () => void): HTMLElement {
  const box = h('div', { 'aria-live': 'polite' });
  const valid = certificate.status === 'valid';
  const invalidateButton: HTMLButtonElement | null = valid
    ? h(
        'button',
        {
          type: 'button',
          class: 'button button-quiet button-small',
          'aria-label': t('postal.invalidateLabel', { number: certificate.number }),
          onclick: () => {
            invalidateButton!.remove();
            box.replaceChildren(invalidateForm(electionId, certificate, box, onChanged));
          },
        },
        t('postal.invalidate'),
      )
    : null;
  return h(
    'li',
    { class: 'card certificate-card', 'data-certificate': certificate.number },
    h(
      'div',
      { class: 'card-row' },
      h(
        'div',
        { class: 'card-main' },
        h(
          'h3',
          { class: 'card-title' },
          t('postal.certificate', { number: certificate.number }),
          certificate.voter ? ` · ${certificate.voter.name}` : '',
        ),
        h(
          'p',
          { class: 'card-meta' },
          t('postal.certificateIssued', { day: formatDayDate(certificate.issuedAt), user: certificate.issuedBy }),
          ` · ${certificate.deliveryLabel}`,
          certificate.replacesNumber ? [h('br'), t('postal.replaces', { number: certificate.replacesNumber })] : null,
          certificate.replacedByNumber ? [h('br'), t('postal.replacedBy', { number: certificate.replacedByNumber })] : null,
          certificate.invalidReasonLabel ? [h('br'), t('postal.invalidReason', { reason: certificate.invalidReasonLabel })] : null,
        ),
      ),
      h('span', { class: valid ? 'badge' : 'badge badge-quiet' }, t(`postal.certStatus.${certificate.status}`)),
    ),
    h(
      'div',
      { class: 'button-row' },
      valid ? pdfButton(t('postal.certificatePdf'), () => officeApi.certificatePdf(electionId, certificate.id), box) : null,
      invalidateButton,
    ),
    box,
  );
}

/** The Wahlscheinverzeichnis on screen (by number), valid or invalid, and declaring one invalid. */
export function postalCertificates(electionId: string, onChanged: () => void): { element: HTMLElement; reload: () => void } {
  const count = h('p', { class: 'count', 'aria-live': 'polite', id: 'certificates-count' });
  const status = h(
    'select',
    { id: 'certificates-status', class: 'select' },
    h('option', { value: '' }, t('postal.filterAll')),
    h('option', { value: 'valid' }, t('postal.certStatus.valid')),
    h('option', { value: 'invalid' }, t('postal.certStatus.invalid')),
  );
  const list = h('div', {});
  const reload = (): void => {
    list.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('app.loading')));
    const chosen = status.value === 'valid' || status.value === 'invalid' ? status.value : undefined;
    officeApi.postalCertificates(electionId, chosen).then(
      (page) => {
        count.textContent = t('postal.certificatesCount', { shown: page.items.length, total: page.total });
        list.replaceChildren(
          page.items.length === 0
            ? emptyState(t('postal.certificatesEmpty'), t('postal.certificatesEmptyHint'))
            : h(
                'ul',
                { class: 'list', id: 'certificate-list' },
                page.items.map((certificate) => certificateCard(electionId, certificate, onChanged)),
              ),
        );
      },
      (error: unknown) => list.replaceChildren(notice('error', describe(error))),
    );
  };
  status.addEventListener('change', reload);
  reload();
  const element = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'postal-certificates-title', id: 'postal-certificates' },
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'postal-certificates-title', class: 'section-title' }, t('postal.certificatesTitle')),
      count,
    ),
    h('div', { class: 'field' }, h('label', { for: status.id }, t('postal.filterState')), status),
    list,
  );
  return { element, reload };
}
