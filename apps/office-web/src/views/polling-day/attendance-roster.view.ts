import { formField, h } from '@wahl/web-kit';
import type { BoardRoster } from '../../api/poll-workers.types';
import type { AttendingMember } from '../../api/polling-day.types';
import { t } from '../../i18n/i18n';

// The attendance prefilled from the poll workers' roster (issue #14): the appointed members stand
// with name and function, the board ticks who is present and adds substitutes by hand.

/** A row of the attendance: typed on the day, or an appointed member from the roster (counted once ticked present). */
export type AttendanceRow = AttendingMember & { readonly appointed?: boolean; readonly present?: boolean };

export const rosterRows = (roster: BoardRoster, since: string): AttendanceRow[] =>
  roster.members.map((member) => ({ name: member.name, role: member.function, substitute: false, since, appointed: true, present: false }));

/** Who is there: typed rows with a name, appointed rows once ticked; as the entry sends them. */
export const attendingMembers = (rows: readonly AttendanceRow[]): AttendingMember[] =>
  rows
    .filter((row) => row.name.trim() !== '' && row.present !== false)
    .map(({ name, role, substitute, since }) => ({ name: name.trim(), role, substitute, since }));

/** An appointed member: name and function as appointed, a tick for "present" and the time since when. */
export function appointedRow(
  member: AttendanceRow,
  index: number,
  change: (index: number, patch: Partial<AttendanceRow>) => void,
): HTMLElement {
  const present = h('input', { id: `member-present-${index}`, name: `member-present-${index}`, type: 'checkbox', class: 'checkbox' });
  present.checked = member.present === true;
  present.addEventListener('change', () => change(index, { present: present.checked }));
  const since = h('input', {
    id: `member-since-${index}`,
    name: `member-since-${index}`,
    type: 'time',
    class: 'input',
    value: member.since,
  });
  since.addEventListener('input', () => change(index, { since: since.value }));
  return h(
    'fieldset',
    { class: 'attendance-member', 'data-appointed': 'true' },
    h('legend', {}, `${member.name}, ${t(`day.role.${member.role}`)}`),
    h('label', { class: 'check' }, present, t('day.memberPresent')),
    formField({ control: since, label: t('day.memberSince') }).root,
  );
}
