import type { DistrictStatus, ReportActionResult } from '../api/election-night.types';
import { officeApi } from '../api/office-api';
import { formatClockTime } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { newIdempotencyKey } from '../reports/report-draft';
import { asyncRegion } from './chrome.view';
import { h } from '@wahl/web-kit';
import { errorMessage } from './error-message';
import { checkCodeForm } from './check-code-form.view';
import { compareTable, stateBadge } from './report-parts.view';

// One district on the office dashboard: its state, who entered and confirmed, warnings, and the
// office's actions – reject with a reason, correct with a reason (the entry form, prefilled), enter
// a report taken by phone, and for a mismatch both versions side by side.

export type RejectDraft = { readonly open: boolean; readonly reason: string };

export type DistrictDetailOptions = {
  readonly electionId: string;
  readonly district: DistrictStatus;
  readonly reject: RejectDraft;
  readonly onRejectDraft: (draft: RejectDraft) => void;
  /** The office rejected the report or entered its check code. */
  readonly onDecided: (result: ReportActionResult) => void;
  readonly onCorrect: () => void;
  readonly onEnter: () => void;
  readonly onClose: () => void;
};

const REASON_MIN = 5;

export function districtDetailView(options: DistrictDetailOptions): HTMLElement {
  const { district, electionId } = options;
  const time = (iso: string | null): string => (iso ? formatClockTime(new Date(iso), currentLanguage()) : '–');
  const counted = district.state === 'confirmed' || district.state === 'corrected';
  const canReject = district.state !== 'missing' && district.state !== 'rejected';
  const canEnter = !counted && district.state !== 'awaiting-code';

  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', {}, t('detail.version')),
    h('dd', {}, district.currentVersion ? String(district.currentVersion) : '–'),
    h('dt', {}, t('detail.counted')),
    h('dd', {}, district.countedVersion ? String(district.countedVersion) : t('detail.notCounted')),
    h('dt', {}, t('night.col.enteredBy')),
    h('dd', {}, district.enteredBy ?? '–'),
    h('dt', {}, t('night.col.confirmedBy')),
    h('dd', {}, district.confirmedBy ?? '–'),
    h('dt', {}, t('night.col.updated')),
    h('dd', {}, time(district.updatedAt)),
  );

  const warnings = district.warnings.length
    ? h(
        'ul',
        { class: 'finding-list' },
        district.warnings.map((warning) =>
          h(
            'li',
            { class: 'finding finding-warning' },
            h('span', { class: 'finding-rule' }, h('span', { 'aria-hidden': 'true' }, '! '), warning.rule),
            ' ',
            warning.message,
            warning.comment ? h('span', { class: 'finding-comment' }, t('detail.confirmedWith', { comment: warning.comment })) : null,
          ),
        ),
      )
    : null;

  const rejection =
    district.state === 'rejected' && district.rejectionReason
      ? h('p', { class: 'alert alert-warning' }, t('board.rejectedReason', { reason: district.rejectionReason }))
      : null;

  const rejectForm = (): HTMLElement => {
    const key = newIdempotencyKey();
    const reason = h('textarea', {
      id: 'reject-reason',
      class: 'entry-textarea',
      rows: 3,
      maxlength: 2000,
      'aria-describedby': 'reject-problem',
      'data-focus-key': 'reject-reason',
    });
    reason.value = options.reject.reason;
    const problem = h('p', { class: 'entry-problem', id: 'reject-problem', role: 'alert' });
    reason.addEventListener('input', () => {
      options.onRejectDraft({ open: true, reason: reason.value });
      problem.textContent = '';
      reason.removeAttribute('aria-invalid');
    });
    const confirm = h(
      'button',
      { type: 'submit', class: 'button button-danger', id: 'reject-confirm' },
      t('detail.rejectConfirm', { version: district.currentVersion }),
    );
    const onSubmit = (event: Event): void => {
      event.preventDefault();
      if (reason.value.trim().length < REASON_MIN) {
        problem.textContent = t('entry.reasonMissing', { count: REASON_MIN });
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      confirm.disabled = true;
      officeApi.rejectReport(electionId, district.districtId, district.currentVersion, reason.value.trim(), key).then(
        (result) => options.onDecided(result),
        (error: unknown) => {
          confirm.disabled = false;
          problem.textContent = errorMessage(error, currentLanguage(), t);
        },
      );
    };
    return h(
      'form',
      { class: 'form reject-form', novalidate: true, onsubmit: onSubmit },
      h('label', { for: reason.id }, t('detail.rejectReason')),
      h('p', { class: 'form-hint' }, t('detail.rejectHint')),
      reason,
      problem,
      h(
        'div',
        { class: 'button-row' },
        confirm,
        h(
          'button',
          { type: 'button', class: 'button button-secondary', onclick: () => options.onRejectDraft({ open: false, reason: '' }) },
          t('detail.cancel'),
        ),
      ),
    );
  };

  const actions = h(
    'div',
    { class: 'button-row' },
    counted
      ? h(
          'button',
          { type: 'button', class: 'button button-primary', id: 'action-correct', onclick: options.onCorrect },
          t('detail.correct'),
        )
      : null,
    canEnter
      ? h(
          'button',
          { type: 'button', class: 'button button-secondary', id: 'action-enter', onclick: options.onEnter },
          t(district.state === 'missing' || district.state === 'rejected' ? 'detail.enter' : 'detail.enterSecond'),
        )
      : null,
    canReject && !options.reject.open
      ? h(
          'button',
          {
            type: 'button',
            class: 'button button-secondary button-danger-outline',
            id: 'action-reject',
            'data-focus-key': 'action-reject',
            onclick: () => options.onRejectDraft({ open: true, reason: options.reject.reason }),
          },
          t('detail.reject'),
        )
      : null,
  );

  const comparison =
    district.state === 'flagged'
      ? h(
          'div',
          { class: 'detail-compare' },
          h('h3', {}, t('detail.compareTitle')),
          asyncRegion(
            async () => {
              const [form, compared] = await Promise.all([
                officeApi.reportForm(electionId, district.districtId),
                officeApi.compareReports(electionId, district.districtId),
              ]);
              return compareTable(form, compared);
            },
            (error) => errorMessage(error, currentLanguage(), t),
          ),
        )
      : null;

  return h(
    'section',
    { class: 'card panel detail', id: 'district-detail', 'aria-labelledby': 'detail-title', tabindex: '-1' },
    h(
      'div',
      { class: 'detail-head' },
      h(
        'div',
        {},
        h(
          'h2',
          { id: 'detail-title' },
          t(district.kind === 'postal' ? 'report.postalDistrictTitle' : 'report.districtTitle', {
            number: district.number,
            name: district.name,
          }),
        ),
        district.pollingStation ? h('p', { class: 'card-meta' }, district.pollingStation) : null,
      ),
      stateBadge(district.state, { id: 'detail-state' }),
    ),
    facts,
    rejection,
    warnings,
    comparison,
    district.state === 'awaiting-code' ? checkCodeForm(electionId, district.districtId, options.onDecided) : null,
    options.reject.open && canReject ? rejectForm() : actions,
    h('button', { type: 'button', class: 'button button-link', onclick: options.onClose }, t('detail.close')),
  );
}
