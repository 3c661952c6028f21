import { formField, h } from '@wahl/web-kit';
import {
  BOARD_PHASES,
  BOARD_ROLES,
  checkBoardQuorum,
  type AttendingMember,
  type BoardPhase,
  type PollingDayEntryBody,
  type QuorumRule,
} from '../../api/polling-day.types';
import type { BoardRoster } from '../../api/poll-workers.types';
import { t } from '../../i18n/i18n';
import { clockNow, dayDraftKey, dueSlot, loadDayDraft, type DayForm } from '../../polling-day/day-drafts';
import { clearDraft, saveDraft } from '../../reports/report-draft';
import type { DraftStorage } from '../../reports/report-draft';
import { appointedRow, attendingMembers, rosterRows, type AttendanceRow } from './attendance-roster.view';
import { quorumNotice } from './quorum-notice.view';

// The board's four forms of the day. Each keeps what is typed on the device as it is typed and hands
// a complete entry to the outbox (`save`); the outbox sends it.

export type DayFormContext = {
  readonly storage: DraftStorage | null;
  readonly electionId: string;
  readonly districtId: string;
  /** Into the outbox; false when the device could not store it. */
  readonly save: (entry: PollingDayEntryBody) => boolean;
};

type Draft<F extends DayForm> = {
  readonly form: F;
  load<T extends object>(fallback: T): T;
  keep(draft: object): void;
  clear(): void;
  /** Whether something of this form is already kept on the device. */
  stored(): boolean;
};

const draftOf = <F extends DayForm>(context: DayFormContext, form: F): Draft<F> => {
  const key = dayDraftKey(context.electionId, context.districtId, form);
  return {
    form,
    load: (fallback) => loadDayDraft(context.storage, key, fallback),
    keep: (draft) => void saveDraft(context.storage, key, draft),
    clear: () => clearDraft(context.storage, key),
    stored: () => Boolean(context.storage?.getItem(key)),
  };
};

const input = (id: string, type: string, value: string, extra: Record<string, string> = {}): HTMLInputElement =>
  h('input', { id, name: id, type, value, class: type === 'checkbox' ? 'checkbox' : 'input', ...extra });

const savedStatus = (status: HTMLElement, stored: boolean): void => {
  status.textContent = t(stored ? 'day.savedOnDevice' : 'day.notStored');
  status.className = stored ? 'alert alert-success' : 'alert alert-error';
};

/** The frame of one form: heading, fields, the send button and the status of the last save. */
function dayForm(form: DayForm, fields: readonly (Node | null)[], onSubmit: (status: HTMLElement) => void): HTMLFormElement {
  const status = h('p', { id: `${form}-status`, role: 'status' });
  const element = h(
    'form',
    { class: 'card panel day-form', id: `${form}-form`, novalidate: true, 'aria-labelledby': `${form}-title` },
    h('h3', { id: `${form}-title` }, t(`day.${form}Title`)),
    ...fields,
    h('button', { type: 'submit', class: 'button button-primary button-block', id: `${form}-send` }, t(`day.${form}Send`)),
    status,
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(status);
  });
  return element;
}

// ---- attendance (BWO § 6) ----

type AttendanceDraft = { phase: BoardPhase; members: AttendanceRow[] };

/**
 * Who of the board is present. Without a draft on the device the appointed members of the roster
 * (once it arrives, and while nothing was typed) stand in the form to be ticked; without a roster
 * the signed-in member stands as chair.
 */
export function attendanceForm(
  context: DayFormContext,
  memberName: string,
  rule: QuorumRule,
  roster: Promise<BoardRoster>,
): HTMLFormElement {
  const draft = draftOf(context, 'attendance');
  let touched = draft.stored();
  let state = draft.load<AttendanceDraft>({
    phase: 'voting',
    members: [{ name: memberName, role: 'chair', substitute: false, since: clockNow() }],
  });
  const rows = h('div', { class: 'attendance-rows' });
  const quorum = h('div', { id: 'quorum-status' });
  const problem = h('p', { class: 'entry-problem', id: 'attendance-problem', role: 'alert' });
  const phase = h(
    'select',
    { id: 'attendance-phase', class: 'input' },
    BOARD_PHASES.map((value) => h('option', { value, selected: value === state.phase }, t(`day.phase.${value}`))),
  );

  const update = (): void => {
    draft.keep(state);
    quorum.replaceChildren(quorumNotice(checkBoardQuorum(attendingMembers(state.members), state.phase, rule)));
  };
  const change = (index: number, patch: Partial<AttendanceRow>): void => {
    touched = true;
    state = { ...state, members: state.members.map((member, at) => (at === index ? { ...member, ...patch } : member)) };
    update();
  };
  const renderRows = (): void => {
    rows.replaceChildren(
      ...state.members.map((member, index) =>
        member.appointed ? appointedRow(member, index, change) : memberRow(member, index, change, () => remove(index)),
      ),
    );
    update();
  };
  const remove = (index: number): void => {
    touched = true;
    state = { ...state, members: state.members.filter((_, at) => at !== index) };
    renderRows();
  };
  phase.addEventListener('change', () => {
    state = { ...state, phase: phase.value as BoardPhase };
    update();
  });
  const add = h('button', { type: 'button', class: 'button button-secondary', id: 'attendance-add' }, t('day.addMember'));
  add.addEventListener('click', () => {
    touched = true;
    state = { ...state, members: [...state.members, { name: '', role: 'assessor', substitute: false, since: clockNow() }] };
    renderRows();
    rows.querySelector<HTMLInputElement>(`#member-name-${state.members.length - 1}`)?.focus();
  });
  renderRows();
  roster.then(
    (appointed) => {
      if (touched || appointed.members.length === 0) return;
      state = { ...state, members: rosterRows(appointed, clockNow()) };
      renderRows();
    },
    // No roster (offline, or no poll workers kept for this election): the form stays as it is.
    () => undefined,
  );

  return dayForm('attendance', [formField({ control: phase, label: t('day.phaseLabel') }).root, rows, add, quorum, problem], (status) => {
    const members = attendingMembers(state.members);
    if (members.some((member) => member.name.length < 2) || members.length === 0) {
      problem.textContent = t('day.memberNameMissing');
      return;
    }
    problem.textContent = '';
    // The record shows who was there, quorum or not; the warning stays on the screen.
    savedStatus(status, context.save({ kind: 'attendance', phase: state.phase, members }));
  });
}

function memberRow(
  member: AttendanceRow,
  index: number,
  change: (index: number, patch: Partial<AttendanceRow>) => void,
  remove: () => void,
): HTMLElement {
  const name = input(`member-name-${index}`, 'text', member.name, { autocomplete: 'off', maxlength: '120' });
  name.addEventListener('input', () => change(index, { name: name.value }));
  const role = h(
    'select',
    { id: `member-role-${index}`, class: 'input' },
    BOARD_ROLES.map((value) => h('option', { value, selected: value === member.role }, t(`day.role.${value}`))),
  );
  role.addEventListener('change', () => change(index, { role: role.value as AttendingMember['role'] }));
  const since = input(`member-since-${index}`, 'time', member.since);
  since.addEventListener('input', () => change(index, { since: since.value }));
  const substitute = input(`member-substitute-${index}`, 'checkbox', '');
  substitute.checked = member.substitute;
  substitute.addEventListener('change', () => change(index, { substitute: substitute.checked }));
  return h(
    'fieldset',
    { class: 'attendance-member' },
    h('legend', {}, t('day.memberLegend', { number: index + 1 })),
    formField({ control: name, label: t('day.memberName') }).root,
    formField({ control: role, label: t('day.memberRole') }).root,
    formField({ control: since, label: t('day.memberSince') }).root,
    h('label', { class: 'check' }, substitute, t('day.memberSubstitute')),
    h('button', { type: 'button', class: 'button button-link', onclick: remove }, t('day.removeMember', { number: index + 1 })),
  );
}

// ---- opening (BWO § 53) ----

export function openingForm(context: DayFormContext): HTMLFormElement {
  const draft = draftOf(context, 'opening');
  const state = draft.load({ openedAt: clockNow(), sealed: false, material: false, note: '' });
  const time = input('opening-time', 'time', state.openedAt);
  const sealed = input('opening-sealed', 'checkbox', '');
  sealed.checked = state.sealed;
  const material = input('opening-material', 'checkbox', '');
  material.checked = state.material;
  const note = h('textarea', { id: 'opening-note', class: 'input', rows: 2, maxlength: 1000 }, state.note);
  const sealedProblem = h('p', { class: 'entry-problem', id: 'opening-sealed-problem', role: 'alert' });
  sealed.setAttribute('aria-describedby', sealedProblem.id);
  const keep = (): void => draft.keep({ openedAt: time.value, sealed: sealed.checked, material: material.checked, note: note.value });
  for (const control of [time, sealed, material, note]) control.addEventListener('input', keep);
  for (const control of [sealed, material]) control.addEventListener('change', keep);
  const timeField = formField({ control: time, label: t('day.openedAt') });
  return dayForm(
    'opening',
    [
      timeField.root,
      h('label', { class: 'check' }, sealed, t('day.ballotBoxSealed')),
      sealedProblem,
      h('label', { class: 'check' }, material, t('day.materialComplete')),
      formField({ control: note, label: t('day.openingNote'), hint: t('day.openingNoteHint') }).root,
    ],
    (status) => {
      timeField.setError(time.value ? null : t('day.timeMissing'));
      sealedProblem.textContent = sealed.checked ? '' : t('day.ballotBoxRequired');
      if (!time.value || !sealed.checked) return;
      savedStatus(
        status,
        context.save({
          kind: 'opening',
          openedAt: time.value,
          ballotBoxEmptyAndSealed: true,
          materialComplete: material.checked,
          note: note.value.trim(),
        }),
      );
      draft.clear();
    },
  );
}

// ---- turnout (R7.12) ----

const count = (value: string): number | null => (/^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : null);

export function turnoutForm(context: DayFormContext, slots: readonly string[]): HTMLFormElement {
  const draft = draftOf(context, 'turnout');
  const state = draft.load({ slot: dueSlot(slots, clockNow()), marked: '', certificates: '' });
  const slot = h(
    'select',
    { id: 'turnout-slot', class: 'input' },
    slots.map((value) => h('option', { value, selected: value === state.slot }, t('day.slotOption', { slot: value }))),
  );
  const marked = input('turnout-marked', 'text', state.marked, { inputmode: 'numeric', autocomplete: 'off' });
  const certificates = input('turnout-certificates', 'text', state.certificates, { inputmode: 'numeric', autocomplete: 'off' });
  const keep = (): void => draft.keep({ slot: slot.value, marked: marked.value, certificates: certificates.value });
  for (const control of [slot, marked, certificates]) control.addEventListener('input', keep);
  slot.addEventListener('change', keep);
  const markedField = formField({ control: marked, label: t('day.marked'), hint: t('day.markedHint') });
  const certificatesField = formField({ control: certificates, label: t('day.certificates'), hint: t('day.certificatesHint') });
  return dayForm(
    'turnout',
    [formField({ control: slot, label: t('day.slot') }).root, markedField.root, certificatesField.root],
    (status) => {
      const markedCount = count(marked.value);
      const certificateCount = count(certificates.value || '0');
      markedField.setError(markedCount === null ? t('day.countInvalid') : null);
      certificatesField.setError(certificateCount === null ? t('day.countInvalid') : null);
      if (markedCount === null || certificateCount === null) return;
      savedStatus(status, context.save({ kind: 'turnout', slot: slot.value, marked: markedCount, certificates: certificateCount }));
      draft.clear();
      marked.value = '';
      certificates.value = '';
    },
  );
}

// ---- incidents (BWO § 72: Vorkommnisse in the record) ----

export function incidentForm(context: DayFormContext): HTMLFormElement {
  const draft = draftOf(context, 'incident');
  const state = draft.load({ occurredAt: clockNow(), text: '' });
  const time = input('incident-time', 'time', state.occurredAt);
  const text = h('textarea', { id: 'incident-text', class: 'input', rows: 3, maxlength: 2000 }, state.text);
  const keep = (): void => draft.keep({ occurredAt: time.value, text: text.value });
  time.addEventListener('input', keep);
  text.addEventListener('input', keep);
  const timeField = formField({ control: time, label: t('day.occurredAt') });
  const textField = formField({ control: text, label: t('day.incidentText'), hint: t('day.incidentHint') });
  return dayForm('incident', [timeField.root, textField.root], (status) => {
    timeField.setError(time.value ? null : t('day.timeMissing'));
    textField.setError(text.value.trim().length >= 3 ? null : t('day.incidentTooShort'));
    if (!time.value || text.value.trim().length < 3) return;
    savedStatus(status, context.save({ kind: 'incident', occurredAt: time.value, text: text.value.trim() }));
    draft.clear();
    text.value = '';
    time.value = clockNow();
  });
}
