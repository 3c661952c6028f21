import { h } from '@wahl/web-kit';
import { t } from '../../i18n/i18n';
import type { WarningConfirmationDraft } from '../../reports/report-draft';
import type { Finding } from '../../reports/report-entry';

/**
 * Warnings the entering person confirms before the report is accepted: per rule its messages, a
 * tick and a comment. Every change goes to `onChange` (the draft keeps it).
 */
export function confirmationsFieldset(
  rules: readonly string[],
  findings: readonly Finding[],
  confirmationOf: (rule: string) => WarningConfirmationDraft,
  onChange: (rule: string, confirmation: WarningConfirmationDraft) => void,
): HTMLElement {
  return h(
    'fieldset',
    { class: 'entry-section entry-warnings' },
    h('legend', {}, h('span', { 'aria-hidden': 'true' }, '! '), t('entry.confirmTitle')),
    h('p', { class: 'form-hint' }, t('entry.confirmHint')),
    rules.map((rule) => confirmationRule(rule, findings, confirmationOf(rule), onChange)),
  );
}

function confirmationRule(
  rule: string,
  findings: readonly Finding[],
  current: WarningConfirmationDraft,
  onChange: (rule: string, confirmation: WarningConfirmationDraft) => void,
): HTMLElement {
  const box = h('input', { type: 'checkbox', id: `confirm-${rule}`, class: 'checkbox' });
  box.checked = current.checked;
  const text = h('textarea', {
    id: `confirm-comment-${rule}`,
    class: 'entry-textarea',
    rows: 2,
    maxlength: 1000,
    'aria-describedby': `confirm-problem-${rule}`,
  });
  text.value = current.comment;
  const problem = h('p', { class: 'entry-problem', id: `confirm-problem-${rule}` });
  const update = (): void => {
    onChange(rule, { checked: box.checked, comment: text.value });
    problem.textContent = '';
    text.removeAttribute('aria-invalid');
  };
  box.addEventListener('change', update);
  text.addEventListener('input', update);
  const messages = findings.filter((finding) => finding.rule === rule).map((finding) => h('li', {}, finding.message));
  return h(
    'div',
    { class: 'entry-confirm-rule', 'data-rule': rule },
    h('p', { class: 'entry-confirm-rule-title' }, t('entry.rule', { rule })),
    h('ul', { class: 'entry-confirm-messages' }, messages),
    h('label', { class: 'check', for: box.id }, box, h('span', {}, t('entry.confirmCheck'))),
    h('label', { for: text.id, class: 'entry-confirm-label' }, t('entry.confirmComment')),
    text,
    problem,
  );
}
