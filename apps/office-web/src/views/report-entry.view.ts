import { h, onWindow } from '@wahl/web-kit';
import { ApiError } from '../api/api-error';
import type { ReportActionResult, ReportSubmission, ReportForm } from '../api/election-night.types';
import { formatClockTime } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import {
  browserStorage,
  clearDraft,
  draftKey,
  loadDraft,
  newIdempotencyKey,
  saveDraft,
  type ReportDraft,
  type WarningConfirmationDraft,
} from '../reports/report-draft';
import { buildReportBody, findingPlacement, findingsOf, warningRules, type EntryValues, type Finding } from '../reports/report-entry';
import {
  confirmationCheck,
  emptyDraft,
  failureKind,
  findingIdsFor,
  REASON_MIN,
  CONFIRMATION_MIN,
  startDraft,
} from '../reports/report-entry-screen';
import { errorMessage } from './error-message';
import { confirmationsFieldset } from './report-entry/entry-confirmations.view';
import { extraFields } from './report-entry/entry-extra.view';
import { EntryFields } from './report-entry/entry-fields.view';
import { findingNote, findingsAlert, inputProblemsAlert, messageAlert } from './report-entry/entry-findings.view';

// The mobile entry screen of a quick report (DOMAIN.md 4.1/4.2): Kennbuchstaben with their German
// labels, large numeric inputs, live sums, a draft on this device, one Idempotency-Key per draft,
// plausibility findings of a 422 next to the fields they name, warning confirmations with comment.
// The rows are built in report-entry/entry-fields.view.ts, the decisions are plain functions in
// reports/report-entry-screen.ts; this file holds the draft and runs the submission.

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
  readonly send: (body: ReportSubmission, idempotencyKey: string) => Promise<ReportActionResult>;
  readonly onAccepted: (result: ReportActionResult) => void;
  /** After a 409: reload the district's state (the draft stays). */
  readonly onReload: () => void;
};

const submitLabel = (mode: ReportEntryOptions['mode']): string => t(mode === 'correction' ? 'entry.submitCorrection' : 'entry.submit');

export function reportEntryView(options: ReportEntryOptions): HTMLElement {
  const { form, mode } = options;
  const storage = browserStorage();
  const key = draftKey(form.election.id, form.district.id, mode);
  const start = startDraft(loadDraft(storage, key), options.owner, options.initialValues, newIdempotencyKey);
  const restored = start.restored;
  let draft: ReportDraft = start.draft;
  let findings: Finding[] = [];
  let sending = false;

  const status = h('p', { class: 'entry-status', role: 'status' });
  const connection = h('p', { class: 'entry-offline', role: 'status', hidden: navigator.onLine });
  connection.textContent = t('entry.offline');
  const summary = h('div', { class: 'entry-summary', id: 'entry-summary', tabindex: '-1' });
  const confirmBox = h('div', { class: 'entry-confirm', id: 'entry-confirm' });
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary button-block button-large', id: 'entry-submit' },
    submitLabel(mode),
  );

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

  const fields = new EntryFields(form, () => draft.values, { onInput: setValue, onLastEnter: () => submit.focus() });
  const sections = fields.sections();
  const extra = extraFields(options, fields, draft, {
    onComment: (value) => setValue('comment', value),
    onReason: (value) => {
      draft = { ...draft, reason: value };
      persist();
    },
  });
  const describe = (): void => fields.describe((letter) => findingIdsFor(form, findings, letter));
  describe();

  const showInputProblems = (problems: Readonly<Record<string, 'required' | 'invalid'>>): void => {
    for (const [letter, problem] of Object.entries(problems)) fields.showProblem(letter, problem);
    const letters = Object.keys(problems);
    summary.replaceChildren(inputProblemsAlert(letters));
    fields.inputs.get(letters[0]!)?.focus();
  };

  const clearFindings = (): void => {
    fields.clearFindings();
    extra.comment.removeAttribute('aria-invalid');
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
      confirmationsFieldset(rules, findings, confirmationOf, (rule, confirmation) => {
        draft = { ...draft, confirmations: { ...draft.confirmations, [rule]: confirmation } };
        persist();
      }),
    );
  };

  const showFindings = (found: Finding[], detail: string | undefined): void => {
    clearFindings();
    findings = found;
    const errors = found.filter((finding) => finding.severity === 'error');
    found.forEach((finding, index) => {
      const placement = findingPlacement(form, finding);
      for (const letter of placement.fields)
        (letter === 'comment' ? extra.comment : fields.inputs.get(letter))?.setAttribute('aria-invalid', 'true');
      placement.anchors.forEach((anchor, position) =>
        fields.findingSlots.get(anchor)?.append(findingNote(finding, position === 0 ? `finding-${index}` : undefined)),
      );
    });
    describe();
    summary.replaceChildren(
      findingsAlert(
        found,
        detail,
        (finding) => findingPlacement(form, finding).fields[0],
        (letter) => fields.inputs.get(letter)?.focus(),
      ),
    );
    renderConfirmations(errors.length ? [] : warningRules(found));
    summary.focus();
  };

  const showMessage = (kind: 'error' | 'warning', text: string, action?: HTMLElement): void => {
    summary.replaceChildren(messageAlert(kind, text, action));
    summary.focus();
  };

  const showMissingConfirmations = (missing: readonly string[]): void => {
    for (const rule of missing) {
      const problem = document.getElementById(`confirm-problem-${rule}`);
      if (problem) problem.textContent = t('entry.confirmMissing', { count: CONFIRMATION_MIN });
      document.getElementById(`confirm-comment-${rule}`)?.setAttribute('aria-invalid', 'true');
    }
    document.getElementById(`confirm-${missing[0]}`)?.focus();
  };

  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (sending) return;
    const rules = warningRules(findings.filter((finding) => finding.severity === 'warning'));
    const confirmations = confirmationCheck(rules, confirmationOf);
    const built = buildReportBody(form, draft.values, options.expectedVersion, confirmations.confirmed);
    if (!built.ok) return showInputProblems(built.problems);
    if (mode === 'correction' && draft.reason.trim().length < REASON_MIN) {
      extra.reason.setAttribute('aria-invalid', 'true');
      extra.reasonProblem.textContent = t('entry.reasonMissing', { count: REASON_MIN });
      extra.reason.focus();
      return;
    }
    if (confirmations.missing.length > 0 && findings.every((finding) => finding.severity === 'warning')) {
      return showMissingConfirmations(confirmations.missing);
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
    submit.textContent = submitLabel(mode);
    if (!(error instanceof ApiError)) return showMessage('error', t('error.generic'));
    const found = error.status === 422 ? findingsOf(error.errors) : [];
    switch (failureKind({ status: error.status, errors: error.errors, findings: found })) {
      case 'connection-lost':
        // The same key goes out again: if the first attempt did arrive, the server answers with its record.
        submit.textContent = t('entry.retry');
        return showMessage('error', t('entry.connectionLost'));
      case 'findings':
        return showFindings(found, errorMessage(error, currentLanguage(), t));
      case 'key-reused':
        // A new key makes this a new submission, which the version check then judges.
        draft = { ...draft, idempotencyKey: newIdempotencyKey() };
        persist();
        return showMessage('error', errorMessage(error, currentLanguage(), t));
      case 'conflict':
        // The API's German detail names the current version; other languages get the general text.
        return showMessage(
          'warning',
          currentLanguage() === 'de' && error.detail ? error.detail : t('entry.conflict'),
          h(
            'button',
            { type: 'button', class: 'button button-secondary', id: 'entry-reload', onclick: options.onReload },
            t('entry.reload'),
          ),
        );
      case 'message':
        return showMessage('error', errorMessage(error, currentLanguage(), t));
    }
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
        draft = emptyDraft(options.owner, options.initialValues, newIdempotencyKey());
        for (const [letter, input] of fields.inputs) input.value = draft.values[letter] ?? '';
        extra.comment.value = draft.values['comment'] ?? '';
        extra.reason.value = '';
        findings = [];
        clearFindings();
        fields.renderSums();
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
    extra.element,
    confirmBox,
    h('div', { class: 'entry-actions' }, submit, discard),
  );
  onWindow(formElement, 'offline', () => (connection.hidden = false));
  onWindow(formElement, 'online', () => (connection.hidden = true));

  fields.renderSums();
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
