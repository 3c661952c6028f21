import { ApiError } from '../api/api-error';
import type { FormField, ReportActionResult, ReportBody, ReportForm } from '../api/election-night.types';
import { formatClockTime, formatNumber } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import {
  browserStorage,
  clearDraft,
  draftHasInput,
  draftKey,
  isOwnDraft,
  loadDraft,
  newIdempotencyKey,
  saveDraft,
  type ReportDraft,
  type WarningConfirmationDraft,
} from '../reports/report-draft';
import {
  buildReportBody,
  findingPlacement,
  findingsOf,
  formSections,
  liveSums,
  warningRules,
  type EntryValues,
  type Finding,
  type InputProblem,
  type LiveSum,
} from '../reports/report-entry';
import { h } from '@wahl/web-kit';
import { errorMessage } from './error-message';
import { fieldLabel } from './report-parts.view';

// The mobile entry screen of a quick report (DOMAIN.md 4.1/4.2): Kennbuchstaben with their German
// labels, large numeric inputs, live sums, a draft on this device, one Idempotency-Key per draft,
// plausibility findings of a 422 next to the fields they name, warning confirmations with comment.

export type ReportEntryOptions = {
  readonly form: ReportForm;
  readonly mode: 'entry' | 'correction';
  /** The signed-in principal: a draft of someone else on this device is not shown (four eyes). */
  readonly owner: string;
  /** The version the entry is based on (0 before the first report). */
  readonly expectedVersion: number;
  /** Prefill, e.g. the counted version for a correction; a stored draft wins over it. */
  readonly initialValues?: EntryValues;
  /** Shown above the form (e.g. "blind entry: the first numbers are hidden"). */
  readonly intro?: Node;
  readonly send: (body: ReportBody, idempotencyKey: string) => Promise<ReportActionResult>;
  readonly onAccepted: (result: ReportActionResult) => void;
  /** After a 409: reload the district's state (the draft stays). */
  readonly onReload: () => void;
};

const REASON_MIN = 5;
const CONFIRMATION_MIN = 3;

const fieldId = (letter: string): string => `field-${letter}`;

/** Removes itself once `owner` has left the page, so re-rendered views leave no listeners behind. */
function onWindow(owner: HTMLElement, type: 'online' | 'offline', handler: () => void): void {
  const listener = (): void => {
    if (!owner.isConnected) window.removeEventListener(type, listener);
    else handler();
  };
  window.addEventListener(type, listener);
}

function sumText(sum: LiveSum, language: ReturnType<typeof currentLanguage>): { text: string; state: 'open' | 'ok' | 'off' } {
  const parts = sum.parts.length > 3 ? `${sum.parts[0]} … ${sum.parts[sum.parts.length - 1]}` : sum.parts.join(' + ');
  const base = t('entry.sum', { parts, sum: formatNumber(sum.sum, language) });
  if (sum.matches === true) return { text: `${base} · ${t('entry.sumMatches', { target: sum.target })}`, state: 'ok' };
  if (sum.matches === false) {
    return {
      text: `${base} · ${t('entry.sumDiffers', { target: sum.target, value: formatNumber(sum.targetValue ?? 0, language) })}`,
      state: 'off',
    };
  }
  return { text: sum.complete ? base : `${base} · ${t('entry.sumOpen')}`, state: 'open' };
}

export function reportEntryView(options: ReportEntryOptions): HTMLElement {
  const { form, mode } = options;
  const storage = browserStorage();
  const key = draftKey(form.election.id, form.district.id, mode);
  const found = loadDraft(storage, key);
  const stored = found && isOwnDraft(found, options.owner) ? found : null;
  const restored = stored && draftHasInput(stored) ? stored : null;
  let draft: ReportDraft = {
    values: { ...(options.initialValues ?? {}), ...(restored?.values ?? {}) },
    idempotencyKey: stored?.idempotencyKey ?? newIdempotencyKey(),
    confirmations: stored?.confirmations ?? {},
    reason: stored?.reason ?? '',
    savedAt: stored?.savedAt ?? '',
    owner: options.owner,
  };
  let findings: Finding[] = [];
  let sending = false;

  const inputs = new Map<string, HTMLInputElement>();
  const problemSlots = new Map<string, HTMLElement>();
  const findingSlots = new Map<string, HTMLElement>();
  const sumSlots = new Map<string, HTMLElement>();

  const status = h('p', { class: 'entry-status', role: 'status' });
  const connection = h('p', { class: 'entry-offline', role: 'status', hidden: navigator.onLine });
  connection.textContent = t('entry.offline');
  const summary = h('div', { class: 'entry-summary', id: 'entry-summary', tabindex: '-1' });
  const confirmBox = h('div', { class: 'entry-confirm', id: 'entry-confirm' });
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary button-block button-large', id: 'entry-submit' },
    t(mode === 'correction' ? 'entry.submitCorrection' : 'entry.submit'),
  );

  const values = (): EntryValues => draft.values;

  const persist = (): void => {
    draft = { ...draft, savedAt: new Date().toISOString() };
    const saved = saveDraft(storage, key, draft);
    status.classList.remove('entry-status-restored');
    status.textContent = saved
      ? t('entry.draftSaved', { time: formatClockTime(new Date(draft.savedAt), currentLanguage()) })
      : t('entry.draftNotSaved');
  };

  const setValue = (letter: string, value: string): void => {
    draft = { ...draft, values: { ...draft.values, [letter]: value } };
    persist();
  };

  const renderSums = (): void => {
    const sums = liveSums(form, values());
    for (const [letter, slot] of sumSlots) {
      const sum = sums[letter];
      if (!sum) continue;
      const { text, state } = sumText(sum, currentLanguage());
      slot.replaceChildren(
        h('span', { class: 'entry-sum-symbol', 'aria-hidden': 'true' }, state === 'ok' ? '✓' : state === 'off' ? '≠' : 'Σ'),
        ` ${text}`,
      );
      slot.dataset['state'] = state;
    }
  };

  const sumIds = new Map<string, string>();
  const describedBy = (letter: string): string =>
    [`problem-${letter}`, sumIds.get(letter) ?? null, ...findingIdsFor(letter)].filter(Boolean).join(' ');
  const findingIdsFor = (letter: string): string[] =>
    findings.flatMap((finding, index) => (findingPlacement(form, finding).fields.includes(letter) ? [`finding-${index}`] : []));

  const numberInput = (field: FormField): HTMLInputElement => {
    const input = h('input', {
      id: fieldId(field.letter),
      name: field.letter,
      class: 'entry-input',
      type: 'text',
      inputmode: 'numeric',
      pattern: '[0-9]*',
      autocomplete: 'off',
      enterkeyhint: 'next',
      'aria-required': field.required ? 'true' : undefined,
      'data-letter': field.letter,
    });
    input.value = draft.values[field.letter] ?? '';
    input.addEventListener('input', () => {
      setValue(field.letter, input.value);
      input.removeAttribute('aria-invalid');
      problemSlots.get(field.letter)?.replaceChildren();
      renderSums();
    });
    // Enter moves on like the phone keyboard's "next" key; the form is sent only by its button.
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const all = [...inputs.values()];
      const next = all[all.indexOf(input) + 1];
      (next ?? submit).focus();
    });
    inputs.set(field.letter, input);
    return input;
  };

  const row = (field: FormField & { readonly color?: string }, sumLetter?: string, hint?: string): HTMLElement => {
    const problem = h('p', { class: 'entry-problem', id: `problem-${field.letter}` });
    problemSlots.set(field.letter, problem);
    const findingSlot = h('div', { class: 'entry-findings' });
    findingSlots.set(field.letter, findingSlot);
    const sum = sumLetter ? h('p', { class: 'entry-sum', id: `sum-${field.letter}` }) : null;
    if (sum && sumLetter) {
      sumSlots.set(sumLetter, sum);
      sumIds.set(field.letter, sum.id);
    }
    const input = numberInput(field);
    // Lists ("D1 CDU") fit beside their input; the long labels of A…F stand above it, unbroken.
    const isList = 'shortName' in field;
    const keyed = field.letter !== 'markedCount';
    return h(
      'div',
      { class: `entry-row ${isList ? 'entry-row-list' : 'entry-row-stacked'}`, id: `row-${field.letter}`, 'data-field': field.letter },
      h(
        'label',
        { class: 'entry-label', for: input.id },
        keyed ? h('span', { class: 'key', style: field.color ? `--list-color: ${field.color}` : undefined }, field.letter) : null,
        h(
          'span',
          { class: 'entry-text' },
          fieldLabel(field),
          field.required ? null : h('span', { class: 'entry-optional' }, ` ${t('entry.optional')}`),
        ),
      ),
      hint ? h('p', { class: 'entry-hint' }, hint) : null,
      input,
      sum,
      problem,
      findingSlot,
    );
  };

  // The list sum sits below the last list, like the sum line of the paper form.
  const listSumRow = (letter: string, first: string, last: string): HTMLElement => {
    const slot = h('p', { class: 'entry-sum', id: `sum-${letter}-lists` });
    sumSlots.set(letter, slot);
    return h('div', { class: 'entry-sum-row', 'aria-label': t('entry.listSumLabel', { first, last }) }, slot);
  };

  const sections = formSections(form).map((section) => {
    const contest = form.contests.find((candidate) => candidate.key === section.id);
    const title = 'key' in section.title ? t(section.title.key) : section.title.text;
    const letters = contest
      ? `${contest.invalid.letter}, ${contest.valid.letter}, ${contest.lists[0]?.letter ?? ''}…`
      : section.letters.join(', ');
    const rows = contest
      ? [
          row(contest.invalid),
          row(contest.valid, contest.invalid.letter),
          ...contest.lists.map((list) => row(list)),
          contest.lists.length
            ? listSumRow(contest.valid.letter, contest.lists[0]!.letter, contest.lists[contest.lists.length - 1]!.letter)
            : null,
        ]
      : section.fields.map((field) => row(field, field.letter === 'A' ? 'A' : undefined));
    return h(
      'fieldset',
      { class: 'entry-section', id: `section-${section.id}` },
      h('legend', {}, title, h('span', { class: 'entry-legend-keys' }, ` (${letters})`)),
      rows,
    );
  });

  const marked = form.extra.find((field) => field.letter === 'markedCount');
  const commentField = form.extra.find((field) => field.letter === 'comment');
  const comment = h('textarea', { id: fieldId('comment'), name: 'comment', class: 'entry-textarea', rows: 3, maxlength: 2000 });
  comment.value = draft.values['comment'] ?? '';
  comment.addEventListener('input', () => setValue('comment', comment.value));
  const commentFindings = h('div', { class: 'entry-findings' });
  findingSlots.set('comment', commentFindings);

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
    draft = { ...draft, reason: reason.value };
    reason.removeAttribute('aria-invalid');
    reasonProblem.textContent = '';
    persist();
  });

  const extra = h(
    'fieldset',
    { class: 'entry-section', id: 'section-extra' },
    h('legend', {}, t('entry.section.extra')),
    marked ? row({ ...marked, label: t('entry.markedLabel') }, undefined, t('entry.markedHint')) : null,
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
    mode === 'correction'
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

  for (const [letter, input] of inputs) input.setAttribute('aria-describedby', describedBy(letter));

  const showInputProblems = (problems: Readonly<Record<string, InputProblem>>): void => {
    for (const [letter, problem] of Object.entries(problems)) {
      inputs.get(letter)?.setAttribute('aria-invalid', 'true');
      problemSlots
        .get(letter)
        ?.replaceChildren(h('span', { 'aria-hidden': 'true' }, '✕ '), t(problem === 'required' ? 'entry.required' : 'entry.notACount'));
    }
    const letters = Object.keys(problems);
    summary.replaceChildren(
      h(
        'div',
        { class: 'alert alert-error', role: 'alert' },
        h('p', {}, h('strong', {}, t('entry.inputProblems', { count: letters.length }))),
        h('p', {}, letters.join(', ')),
      ),
    );
    inputs.get(letters[0]!)?.focus();
  };

  const clearFindings = (): void => {
    for (const slot of findingSlots.values()) slot.replaceChildren();
    for (const input of inputs.values()) input.removeAttribute('aria-invalid');
    comment.removeAttribute('aria-invalid');
    summary.replaceChildren();
    confirmBox.replaceChildren();
  };

  const confirmationOf = (rule: string): WarningConfirmationDraft => draft.confirmations[rule] ?? { checked: false, comment: '' };

  const renderConfirmations = (rules: readonly string[]): void => {
    if (rules.length === 0) {
      confirmBox.replaceChildren();
      return;
    }
    confirmBox.replaceChildren(
      h(
        'fieldset',
        { class: 'entry-section entry-warnings' },
        h('legend', {}, h('span', { 'aria-hidden': 'true' }, '! '), t('entry.confirmTitle')),
        h('p', { class: 'form-hint' }, t('entry.confirmHint')),
        rules.map((rule) => {
          const current = confirmationOf(rule);
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
            draft = { ...draft, confirmations: { ...draft.confirmations, [rule]: { checked: box.checked, comment: text.value } } };
            problem.textContent = '';
            text.removeAttribute('aria-invalid');
            persist();
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
        }),
      ),
    );
  };

  const showFindings = (found: Finding[], detail: string | undefined): void => {
    clearFindings();
    findings = found;
    const errors = found.filter((finding) => finding.severity === 'error');
    found.forEach((finding, index) => {
      const { anchors, fields } = findingPlacement(form, finding);
      for (const letter of fields) (letter === 'comment' ? comment : inputs.get(letter))?.setAttribute('aria-invalid', 'true');
      anchors.forEach((anchor, position) =>
        findingSlots.get(anchor)?.append(
          h(
            'p',
            {
              class: `finding finding-${finding.severity}`,
              id: position === 0 ? `finding-${index}` : undefined,
              'data-rule': finding.rule,
            },
            h(
              'span',
              { class: 'finding-rule' },
              h('span', { 'aria-hidden': 'true' }, finding.severity === 'error' ? '✕ ' : '! '),
              finding.rule,
            ),
            ' ',
            finding.message,
          ),
        ),
      );
    });
    for (const input of inputs.values()) input.setAttribute('aria-describedby', describedBy(input.dataset['letter']!));
    const items = found.map((finding) => {
      const first = findingPlacement(form, finding).fields[0];
      return h(
        'li',
        {},
        h('strong', {}, `${finding.rule}: `),
        first
          ? h(
              'a',
              {
                href: `#${fieldId(first)}`,
                onclick: (event: Event) => {
                  event.preventDefault();
                  inputs.get(first)?.focus();
                },
              },
              finding.message,
            )
          : finding.message,
      );
    });
    summary.replaceChildren(
      h(
        'div',
        { class: errors.length ? 'alert alert-error' : 'alert alert-warning', role: 'alert' },
        h('p', {}, h('strong', {}, errors.length ? t('entry.blocked') : t('entry.needsConfirmation'))),
        detail && errors.length ? h('p', { class: 'alert-detail' }, detail) : null,
        h('ul', { class: 'alert-list' }, items),
      ),
    );
    renderConfirmations(errors.length ? [] : warningRules(found));
    summary.focus();
  };

  const showMessage = (kind: 'error' | 'warning', text: string, action?: HTMLElement): void => {
    summary.replaceChildren(h('div', { class: `alert alert-${kind}`, role: 'alert' }, h('p', {}, text), action ?? null));
    summary.focus();
  };

  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (sending) return;
    const rules = warningRules(findings.filter((finding) => finding.severity === 'warning'));
    const missingConfirmation = rules.filter(
      (rule) => !confirmationOf(rule).checked || confirmationOf(rule).comment.trim().length < CONFIRMATION_MIN,
    );
    const built = buildReportBody(
      form,
      values(),
      options.expectedVersion,
      rules.filter((rule) => !missingConfirmation.includes(rule)).map((rule) => ({ rule, comment: confirmationOf(rule).comment.trim() })),
    );
    if (!built.ok) return showInputProblems(built.problems);
    if (mode === 'correction' && draft.reason.trim().length < REASON_MIN) {
      reason.setAttribute('aria-invalid', 'true');
      reasonProblem.textContent = t('entry.reasonMissing', { count: REASON_MIN });
      reason.focus();
      return;
    }
    if (missingConfirmation.length > 0 && findings.every((finding) => finding.severity === 'warning')) {
      for (const rule of missingConfirmation) {
        const problem = document.getElementById(`confirm-problem-${rule}`);
        if (problem) problem.textContent = t('entry.confirmMissing', { count: CONFIRMATION_MIN });
        document.getElementById(`confirm-comment-${rule}`)?.setAttribute('aria-invalid', 'true');
      }
      document.getElementById(`confirm-${missingConfirmation[0]}`)?.focus();
      return;
    }
    sending = true;
    submit.disabled = true;
    submit.textContent = t('entry.sending');
    formElement.setAttribute('aria-busy', 'true');
    const body = mode === 'correction' ? { ...built.body, reason: draft.reason.trim() } : built.body;
    try {
      const result = await options.send(body, draft.idempotencyKey);
      clearDraft(storage, key);
      options.onAccepted(result);
      return;
    } catch (error) {
      handleFailure(error);
    } finally {
      sending = false;
      formElement.removeAttribute('aria-busy');
      submit.disabled = false;
    }
  };

  const handleFailure = (error: unknown): void => {
    submit.textContent = t(mode === 'correction' ? 'entry.submitCorrection' : 'entry.submit');
    if (!(error instanceof ApiError)) return showMessage('error', t('error.generic'));
    if (error.status === 0) {
      // The same key goes out again: if the first attempt did arrive, the server answers with its record.
      submit.textContent = t('entry.retry');
      return showMessage('error', t('entry.connectionLost'));
    }
    if (error.status === 422) {
      const found = findingsOf(error.errors);
      if (found.length > 0) return showFindings(found, errorMessage(error, currentLanguage(), t));
      // The key was used for other numbers (the first attempt arrived, then the numbers changed):
      // a new key makes this a new submission, which the version check then judges.
      if (error.errors.some((entry) => entry.path === 'header:Idempotency-Key')) {
        draft = { ...draft, idempotencyKey: newIdempotencyKey() };
        persist();
      }
      return showMessage('error', errorMessage(error, currentLanguage(), t));
    }
    if (error.status === 409) {
      // The API's German detail names the current version; other languages get the general text.
      return showMessage(
        'warning',
        currentLanguage() === 'de' && error.detail ? error.detail : t('entry.conflict'),
        h('button', { type: 'button', class: 'button button-secondary', id: 'entry-reload', onclick: options.onReload }, t('entry.reload')),
      );
    }
    showMessage('error', errorMessage(error, currentLanguage(), t));
  };

  const discard = h(
    'button',
    {
      type: 'button',
      class: 'button button-link',
      id: 'entry-discard',
      onclick: () => {
        if (!window.confirm(t('entry.discardConfirm'))) return;
        clearDraft(storage, key);
        draft = {
          values: { ...(options.initialValues ?? {}) },
          idempotencyKey: newIdempotencyKey(),
          confirmations: {},
          reason: '',
          savedAt: '',
          owner: options.owner,
        };
        for (const [letter, input] of inputs) input.value = draft.values[letter] ?? '';
        comment.value = draft.values['comment'] ?? '';
        reason.value = '';
        findings = [];
        clearFindings();
        renderSums();
        status.textContent = t('entry.discarded');
      },
    },
    t('entry.discard'),
  );

  const formElement = h(
    'form',
    { class: 'entry', novalidate: true, 'aria-label': t('entry.formLabel'), onsubmit: (event: Event) => void onSubmit(event) },
    options.intro ?? null,
    status,
    connection,
    summary,
    sections,
    extra,
    confirmBox,
    h('div', { class: 'entry-actions' }, submit, discard),
  );
  onWindow(formElement, 'offline', () => (connection.hidden = false));
  onWindow(formElement, 'online', () => (connection.hidden = true));

  renderSums();
  if (restored) {
    status.textContent = restored.savedAt
      ? t('entry.draftRestored', { time: formatClockTime(new Date(restored.savedAt), currentLanguage()) })
      : t('entry.draftRestoredNoTime');
    status.classList.add('entry-status-restored');
  } else {
    // The key must survive a reload before the first keystroke, so it is stored at once (without the prefill).
    saveDraft(storage, key, { ...draft, values: {}, reason: '' });
  }
  return formElement;
}
