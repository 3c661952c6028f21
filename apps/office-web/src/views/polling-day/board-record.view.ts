import { formField, h, saveFile } from '@wahl/web-kit';
import type { QuickReport } from '@wahl/domain';
import type { ReportForm, ReportHistory } from '../../api/election-night.types';
import { officeApi } from '../../api/office-api';
import {
  RESULT_STATUS_LABELS,
  type ElectionRecord,
  type ElectionRecordContentInput,
  type SaveElectionRecordRequest,
} from '../../api/polling-day.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { ApiError } from '../../api/api-error';
import type { WarningConfirmationDraft } from '../../reports/report-draft';
import { buildReportBody, findingsOf, valuesFromReport, warningRules, type Finding } from '../../reports/report-entry';
import { confirmationCheck } from '../../reports/report-entry-screen';
import { errorMessage } from '../error-message';
import { confirmationsFieldset } from '../report-entry/entry-confirmations.view';
import { EntryFields } from '../report-entry/entry-fields.view';

// The Wahlniederschrift on the board's device (BWO § 72, Anlage 29): after the quick report counts,
// the Schriftführer fills in times, incidents with decisions, doubtful ballots, a recount and the
// counts (prefilled from the quick report); each member present then signs on their own sign-in.
// Two different members make it valid (four eyes); saving again withdraws the signatures. Warnings of
// the plausibility rules (P3, P7 – BWO § 68(1), P8) are confirmed with a reason, as in the quick
// report, and stand in the record.

export type BoardRecordOptions = { readonly electionId: string; readonly districtId: string };

type Loaded = { readonly view: ElectionRecord; readonly form: ReportForm; readonly history: ReportHistory };

const time = (id: string, value: string): HTMLInputElement => h('input', { id, name: id, type: 'time', class: 'input', value });
const number = (id: string, value: number): HTMLInputElement =>
  h('input', { id, name: id, type: 'text', inputmode: 'numeric', class: 'input', autocomplete: 'off', value: String(value) });
const textArea = (id: string, value: string): HTMLTextAreaElement =>
  h('textarea', { id, name: id, class: 'input', rows: 3, maxlength: 2000 }, value);
const countOf = (input: HTMLInputElement): number | null => (/^\d{1,6}$/.test(input.value.trim()) ? Number(input.value.trim()) : null);

export function boardRecordView({ electionId, districtId }: BoardRecordOptions): HTMLElement {
  const body = h('div', {});
  const status = h('div', { id: 'record-status', role: 'status' });
  const root = h(
    'section',
    { class: 'card panel board-record', id: 'board-record', 'aria-labelledby': 'record-title' },
    h('h3', { id: 'record-title' }, t('record.title')),
    status,
    body,
  );
  const fail = (error: unknown): void =>
    status.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t)));

  const load = (editing = false): void => {
    Promise.all([
      officeApi.electionRecord(electionId, districtId),
      officeApi.reportForm(electionId, districtId),
      officeApi.reportHistory(electionId, districtId),
    ]).then((loaded) => show({ view: loaded[0], form: loaded[1], history: loaded[2] }, editing), fail);
  };

  const show = (loaded: Loaded, editing: boolean): void => {
    const { view } = loaded;
    status.replaceChildren(h('p', {}, t('record.stage', { stage: RESULT_STATUS_LABELS[view.status] })));
    if (view.status === 'none' && !view.record) body.replaceChildren(h('p', { class: 'hint' }, t('record.afterQuickReport')));
    else if (view.record && !editing) body.replaceChildren(summary(view));
    else body.replaceChildren(recordForm(loaded));
  };

  function summary(view: ElectionRecord): HTMLElement {
    const sign = (): void => void officeApi.signElectionRecord(electionId, districtId, view.revision).then(() => load(), fail);
    const pdf = (): void =>
      void officeApi
        .electionRecordPdf(electionId, districtId)
        .then(({ blob, fileName }) => saveFile(blob, fileName ?? 'wahlniederschrift.pdf'), fail);
    const open = !view.checkedAt;
    return h(
      'div',
      {},
      h('p', {}, t('record.revision', { revision: view.revision, count: view.signatures.length, required: view.requiredSignatures })),
      view.differences.length
        ? h('p', { class: 'alert alert-warning' }, t('record.differences', { fields: view.differences.map((d) => d.field).join(', ') }))
        : null,
      h(
        'ul',
        { id: 'record-signatures' },
        view.signatures.map((signature) => h('li', {}, t('record.signedBy', { name: signature.name }))),
      ),
      h(
        'div',
        { class: 'button-row' },
        open ? h('button', { type: 'button', class: 'button button-primary', id: 'record-sign', onclick: sign }, t('record.sign')) : null,
        h('button', { type: 'button', class: 'button button-secondary', id: 'record-pdf', onclick: pdf }, t('record.pdf')),
        open
          ? h('button', { type: 'button', class: 'button button-link', id: 'record-edit', onclick: () => load(true) }, t('record.edit'))
          : null,
      ),
    );
  }

  function recordForm({ view, form, history }: Loaded): HTMLElement {
    const stored = view.record;
    const counted = history.versions.find((version) => version.version === history.countedVersion)?.report;
    const values: Record<string, string> = stored
      ? valuesFromReport(form, stored.counts as unknown as QuickReport)
      : counted
        ? valuesFromReport(form, counted)
        : {};
    const fields = new EntryFields(form, () => values, {
      onInput: (letter, value) => (values[letter] = value),
      onLastEnter: () => undefined,
    });
    const members = stored?.members ?? view.draft?.members ?? [];
    const incidents = stored?.incidents ?? view.draft?.incidents ?? [];
    const opened = time('record-opened', stored?.openedAt ?? view.draft?.openedAt ?? '');
    const closed = time('record-closed', stored?.votingClosedAt ?? '18:00');
    const decisions = incidents.map((incident, index) => textArea(`record-decision-${index}`, incident.decision ?? ''));
    const valid = number('record-doubtful-valid', stored?.doubtfulBallots.decidedValid ?? 0);
    const invalid = number('record-doubtful-invalid', stored?.doubtfulBallots.decidedInvalid ?? 0);
    const recount = textArea('record-recount', stored?.recountReason ?? '');
    const explanation = textArea('record-explanation', stored?.differencesExplanation ?? '');
    const problem = h('p', { class: 'entry-problem', id: 'record-problem', role: 'alert' });
    // The warnings the last save was refused for, and the board's confirmations (the stored ones to start with).
    let warnings: Finding[] = [];
    const confirmations = new Map<string, WarningConfirmationDraft>(
      (stored?.counts.confirmations ?? []).map((confirmation) => [confirmation.rule, { checked: true, comment: confirmation.comment }]),
    );
    const confirmationOf = (rule: string): WarningConfirmationDraft => confirmations.get(rule) ?? { checked: false, comment: '' };
    const confirmBox = h('div', { id: 'record-confirm' });
    const refused = (error: unknown): void => {
      const found = error instanceof ApiError && error.status === 422 ? findingsOf(error.errors) : [];
      if (found.length === 0 || found.some((finding) => finding.severity === 'error')) return fail(error);
      warnings = found;
      confirmBox.replaceChildren(
        confirmationsFieldset(warningRules(found), found, confirmationOf, (rule, confirmation) => confirmations.set(rule, confirmation)),
      );
      problem.textContent = errorMessage(error, currentLanguage(), t);
    };

    const submit = (event: Event): void => {
      event.preventDefault();
      const built = buildReportBody(form, values, 0, confirmationCheck([...confirmations.keys()], confirmationOf).confirmed);
      const doubtfulValid = countOf(valid);
      const doubtfulInvalid = countOf(invalid);
      const missing = members.length === 0 ? t('record.noMembers') : !built.ok ? t('record.countsMissing') : null;
      const wrong =
        !opened.value || !closed.value
          ? t('day.timeMissing')
          : doubtfulValid === null || doubtfulInvalid === null
            ? t('day.countInvalid')
            : null;
      const confirmed = confirmationCheck(warningRules(warnings), confirmationOf);
      const unconfirmed = confirmed.missing.length > 0 ? t('record.confirmMissing', { rules: confirmed.missing.join(', ') }) : null;
      problem.textContent = missing ?? wrong ?? unconfirmed ?? '';
      if (!built.ok || missing || wrong || unconfirmed || doubtfulValid === null || doubtfulInvalid === null) return;
      const { expectedVersion: _version, ...counts } = built.body;
      const record: ElectionRecordContentInput = {
        members: [...members],
        helpers: stored?.helpers ?? [],
        openedAt: opened.value,
        ballotBoxEmptyAndSealed: true,
        votingClosedAt: closed.value,
        incidents: incidents.map((incident, index) => ({
          occurredAt: incident.occurredAt,
          text: incident.text,
          decision: decisions[index]!.value.trim(),
        })),
        doubtfulBallots: { decidedValid: doubtfulValid, decidedInvalid: doubtfulInvalid },
        recountReason: recount.value.trim(),
        // The confirmed rules are those the server named in its findings.
        counts: counts as ElectionRecordContentInput['counts'],
        differencesExplanation: explanation.value.trim(),
      };
      const request: SaveElectionRecordRequest = { expectedRevision: view.revision, record };
      officeApi.saveElectionRecord(electionId, districtId, request).then(() => load(), refused);
    };

    const element = h(
      'form',
      { id: 'record-form', novalidate: true },
      stored?.members && view.signatures.length ? h('p', { class: 'alert alert-warning' }, t('record.editWithdraws')) : null,
      h('h4', {}, t('record.members')),
      h('p', { class: 'hint' }, t('record.membersHint')),
      h(
        'ul',
        { id: 'record-members' },
        members.map((member) => h('li', {}, `${member.name} – ${t(`day.role.${member.role}`)}`)),
      ),
      formField({ control: opened, label: t('day.openedAt') }).root,
      formField({ control: closed, label: t('record.closedAt') }).root,
      h('h4', {}, t('record.incidents')),
      incidents.length === 0 ? h('p', { class: 'hint' }, t('record.noIncidents')) : null,
      ...incidents.map(
        (incident, index) =>
          formField({ control: decisions[index]!, label: t('record.decision', { time: incident.occurredAt, text: incident.text }) }).root,
      ),
      h('h4', {}, t('record.doubtful')),
      formField({ control: valid, label: t('record.doubtfulValid') }).root,
      formField({ control: invalid, label: t('record.doubtfulInvalid') }).root,
      formField({ control: recount, label: t('record.recount'), hint: t('record.recountHint') }).root,
      h('h4', {}, t('record.counts')),
      ...fields.sections(),
      formField({ control: explanation, label: t('record.explanation'), hint: t('record.explanationHint') }).root,
      confirmBox,
      problem,
      h('button', { type: 'submit', class: 'button button-primary button-block', id: 'record-save' }, t('record.save')),
    );
    fields.renderSums();
    element.addEventListener('submit', submit);
    return element;
  }

  load();
  return root;
}
