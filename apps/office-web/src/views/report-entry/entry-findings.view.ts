import { h } from '@wahl/web-kit';
import { t } from '../../i18n/i18n';
import type { Finding } from '../../reports/report-entry';

// What the screen says after a refused submission: the findings beside their fields and listed on
// top (each a link to its first field), the input problems, or a plain message.

/** A finding beside a field; the first placement carries the id the input is described by. */
export function findingNote(finding: Finding, id: string | undefined): HTMLElement {
  return h(
    'p',
    { class: `finding finding-${finding.severity}`, id, 'data-rule': finding.rule },
    h('span', { class: 'finding-rule' }, h('span', { 'aria-hidden': 'true' }, finding.severity === 'error' ? '✕ ' : '! '), finding.rule),
    ' ',
    finding.message,
  );
}

/** The findings on top of the form: blocked (errors) or to be confirmed (warnings only). */
export function findingsAlert(
  found: readonly Finding[],
  detail: string | undefined,
  firstField: (finding: Finding) => string | undefined,
  focusField: (letter: string) => void,
): HTMLElement {
  const blocked = found.some((finding) => finding.severity === 'error');
  const items = found.map((finding) => {
    const first = firstField(finding);
    return h(
      'li',
      {},
      h('strong', {}, `${finding.rule}: `),
      first
        ? h(
            'a',
            {
              href: `#field-${first}`,
              onclick: (event: Event) => {
                event.preventDefault();
                focusField(first);
              },
            },
            finding.message,
          )
        : finding.message,
    );
  });
  return h(
    'div',
    { class: blocked ? 'alert alert-error' : 'alert alert-warning', role: 'alert' },
    h('p', {}, h('strong', {}, blocked ? t('entry.blocked') : t('entry.needsConfirmation'))),
    detail && blocked ? h('p', { class: 'alert-detail' }, detail) : null,
    h('ul', { class: 'alert-list' }, items),
  );
}

/** Fields that are empty or no count, named on top of the form. */
export function inputProblemsAlert(letters: readonly string[]): HTMLElement {
  return h(
    'div',
    { class: 'alert alert-error', role: 'alert' },
    h('p', {}, h('strong', {}, t('entry.inputProblems', { count: letters.length }))),
    h('p', {}, letters.join(', ')),
  );
}

export const messageAlert = (kind: 'error' | 'warning', text: string, action?: HTMLElement): HTMLElement =>
  h('div', { class: `alert alert-${kind}`, role: 'alert' }, h('p', {}, text), action ?? null);
