import { h } from '@wahl/web-kit';
import { t } from '../../i18n/i18n';
import type { ReportDraft } from '../../reports/report-draft';
import type { ReportEntryOptions } from '../report-entry.view';
import { fieldId, type EntryFields } from './entry-fields.view';

export type ExtraFields = {
  readonly element: HTMLElement;
  readonly comment: HTMLTextAreaElement;
  readonly reason: HTMLTextAreaElement;
  readonly reasonProblem: HTMLElement;
};

/** Below the counts: the marked ballots, a comment, and – for a correction – the office's reason. */
export function extraFields(
  options: Pick<ReportEntryOptions, 'form' | 'mode'>,
  fields: EntryFields,
  draft: ReportDraft,
  events: { readonly onComment: (value: string) => void; readonly onReason: (value: string) => void },
): ExtraFields {
  const marked = options.form.extra.find((field) => field.letter === 'markedCount');
  const commentField = options.form.extra.find((field) => field.letter === 'comment');
  const comment = h('textarea', { id: fieldId('comment'), name: 'comment', class: 'entry-textarea', rows: 3, maxlength: 2000 });
  comment.value = draft.values['comment'] ?? '';
  comment.addEventListener('input', () => events.onComment(comment.value));
  const commentFindings = h('div', { class: 'entry-findings' });
  fields.findingSlots.set('comment', commentFindings);

  const reason = h('textarea', {
    id: 'correction-reason',
    name: 'reason',
    class: 'entry-textarea',
    rows: 3,
    maxlength: 2000,
    'aria-required': 'true',
    'aria-describedby': 'reason-problem',
  });
  reason.value = draft.reason;
  const reasonProblem = h('p', { class: 'entry-problem', id: 'reason-problem' });
  reason.addEventListener('input', () => {
    events.onReason(reason.value);
    reason.removeAttribute('aria-invalid');
    reasonProblem.textContent = '';
  });

  const element = h(
    'fieldset',
    { class: 'entry-section', id: 'section-extra' },
    h('legend', {}, t('entry.section.extra')),
    marked ? fields.row({ ...marked, label: t('entry.markedLabel') }, undefined, t('entry.markedHint')) : null,
    commentField
      ? h(
          'div',
          { class: 'entry-row entry-row-text', id: 'row-comment', 'data-field': 'comment' },
          h(
            'label',
            { for: comment.id, class: 'entry-label' },
            h('span', { class: 'entry-text' }, t('entry.comment'), h('span', { class: 'entry-optional' }, ` ${t('entry.optional')}`)),
          ),
          comment,
          commentFindings,
        )
      : null,
    options.mode === 'correction'
      ? h(
          'div',
          { class: 'entry-row entry-row-text', id: 'row-reason' },
          h('label', { for: reason.id, class: 'entry-label' }, h('span', { class: 'entry-text' }, t('entry.reason'))),
          h('p', { class: 'form-hint' }, t('entry.reasonHint')),
          reason,
          reasonProblem,
        )
      : null,
  );
  return { element, comment, reason, reasonProblem };
}
