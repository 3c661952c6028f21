import { BOARD_ROLES, type BoardRole } from '@wahl/domain';
import { formField, h, type FormField } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { PollWorkerRow } from '../../api/poll-workers.types';
import { t } from '../../i18n/i18n';
import { functionLabel } from './function-label';

export interface PersonWishes {
  readonly parts: readonly HTMLElement[];
  /** Fields by the API's problem paths, for showFieldProblems. */
  readonly fields: Readonly<Record<string, FormField<HTMLSelectElement | HTMLTextAreaElement>>>;
  readonly note: FormField<HTMLTextAreaElement>;
  readonly declared: HTMLInputElement;
  /** Loads the choices (districts, people of the pool) anew, leaving out the person edited; a later call supersedes it. */
  load(exceptPersonId: string | null): Promise<void>;
  fill(row: PollWorkerRow | null): void;
  wishes(): { wishDistrictId: string | null; wishColleagueId: string | null; wishFunction: BoardRole | null };
}

const select = (id: string, none: string): HTMLSelectElement =>
  h('select', { id, class: 'input' }, h('option', { value: '' }, none)) as HTMLSelectElement;

const setOptions = (control: HTMLSelectElement, none: string, options: readonly (readonly [string, string])[]): void => {
  const chosen = control.value;
  control.replaceChildren(h('option', { value: '' }, none), ...options.map(([value, label]) => h('option', { value }, label)));
  control.value = options.some(([value]) => value === chosen) ? chosen : '';
};

/** Wishes for this election (district, colleague, function), a declared eligibility (R7.3) and a note. */
export function personWishes(electionId: string): PersonWishes {
  const district = formField({ control: select('pw-entry-wishDistrict', t('pw.wish.none')), label: t('pw.wish.district') });
  const colleague = formField({
    control: select('pw-entry-wishColleague', t('pw.wish.none')),
    label: t('pw.wish.colleague'),
    hint: '',
  });
  const role = formField({ control: select('pw-entry-wishFunction', t('pw.wish.none')), label: t('pw.wish.function') });
  role.control.append(...BOARD_ROLES.map((fn) => h('option', { value: fn }, functionLabel(fn))));
  const note = formField({
    control: h('textarea', { id: 'pw-entry-note', class: 'input', rows: 2 }) as HTMLTextAreaElement,
    label: t('pw.entry.note'),
  });
  const declared = h('input', {
    type: 'checkbox',
    id: 'pw-entry-declared',
    class: 'checkbox',
    'aria-describedby': 'pw-entry-declared-hint',
  });
  const colleagueHint = colleague.root.querySelector('.form-hint')!;

  // A save reloads the choices while the next edit may already load its own: only the latest call may draw.
  let latestLoad = 0;
  const load = async (exceptPersonId: string | null): Promise<void> => {
    const call = ++latestLoad;
    const [overview, pool] = await Promise.all([officeApi.pollWorkerAssignments(electionId), officeApi.pollWorkers(electionId, '', 'all')]);
    if (call !== latestLoad) return;
    setOptions(
      district.control,
      t('pw.wish.none'),
      overview.boards.map((board) => [board.districtId, `${board.number} ${board.name}`]),
    );
    const people = pool.rows.filter((row) => row.pool && row.id !== exceptPersonId);
    setOptions(
      colleague.control,
      t('pw.wish.none'),
      people.map((row) => [row.id, `${row.familyName}, ${row.givenNames} (${row.birthDate})`]),
    );
  };
  const fill = (row: PollWorkerRow | null): void => {
    district.control.value = row?.pool?.wishDistrictId ?? '';
    colleague.control.value = row?.pool?.wishColleagueId ?? '';
    role.control.value = row?.pool?.wishFunction ?? '';
    note.control.value = row?.note ?? '';
    declared.checked = row?.pool?.eligibility === 'declared';
    const named = row?.pool?.wishColleagueName;
    colleagueHint.textContent = named && !row?.pool?.wishColleagueId ? t('pw.wish.colleagueNamed', { name: named }) : '';
  };
  return {
    parts: [
      h('fieldset', { class: 'form-group' }, h('legend', {}, t('pw.wish.legend')), district.root, colleague.root, role.root),
      h(
        'div',
        { class: 'field' },
        h('label', { class: 'checkbox-label' }, declared, ' ', t('pw.entry.declaredEligible')),
        h('p', { class: 'form-hint', id: 'pw-entry-declared-hint' }, t('pw.entry.declaredHint')),
      ),
      note.root,
    ],
    fields: {
      '$.wishes.wishDistrictId': district,
      '$.wishes.wishColleagueId': colleague,
      '$.wishes.wishFunction': role,
      '$.note': note,
    },
    note,
    declared,
    load,
    fill,
    wishes: () => ({
      wishDistrictId: district.control.value || null,
      wishColleagueId: colleague.control.value || null,
      wishFunction: (role.control.value || null) as BoardRole | null,
    }),
  };
}
