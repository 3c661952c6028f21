import { Injectable } from '@nestjs/common';
import type {
  AskEarlierResult,
  Duplicates,
  MergePollWorkers,
  PollWorkerEntry,
  PollWorkerImport,
  PollWorkerImportPreview,
  PollWorkerImportResult,
  PollWorkerList,
  PollWorkerListQuery,
  PollWorkerRow,
} from '@wahl/contracts';
import { findDuplicates, isSamePerson, parseStaffList, samePersonKey, type StaffListPerson } from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import type { Queryable } from '../../platform/database/database';
import { AppError } from '../../platform/errors/app-error';
import type { ElectionNightContext } from '../elections/read-model/election-night-context';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { refreshEligibility } from './eligibility-check';
import { toAssignmentSummary } from './assignment-summary';
import { PollWorkersRepository, type NewPerson, type PersonRow, type PoolRow } from './poll-workers.repository';

const LIST_LIMIT = 500;

/** People, the election's pool, the staff-list import, duplicates (issue #14). Office staff only. */
@Injectable()
export class PollWorkersService {
  constructor(
    private readonly repository: PollWorkersRepository,
    private readonly contexts: ElectionReadModel,
  ) {}

  async list(actor: Actor, electionId: string, query: PollWorkerListQuery): Promise<PollWorkerList> {
    const context = await this.contexts.forActor(actor, electionId);
    const [people, pool, assignments] = await Promise.all([
      this.repository.people(context.officeId),
      this.repository.pool(electionId),
      this.repository.activeAssignments(electionId),
    ]);
    const poolById = new Map(pool.map((entry) => [entry.personId, entry]));
    const assignmentById = new Map(assignments.map((assignment) => [assignment.personId, assignment]));
    const search = query.search.toLocaleLowerCase('de-DE');
    const rows = people
      .map((person) => toRow(person, poolById.get(person.id) ?? null, assignmentById.get(person.id) ?? null, context))
      .filter((row) => matches(row, query, search));
    return { rows: rows.slice(0, LIST_LIMIT), total: rows.length };
  }

  /** Entry by the office: a new person, or the known one (same name and birth date) updated. */
  async enter(actor: Actor, electionId: string, entry: PollWorkerEntry): Promise<PollWorkerRow> {
    const context = await this.contexts.forActor(actor, electionId);
    this.checkDistrict(context, entry.wishes.wishDistrictId);
    const person: NewPerson = { ...entry.person, source: 'office', chairExperience: entry.chairExperience, note: entry.note };
    const id = await this.repository.transaction(async (tx) => {
      const known = await this.findKnown(context.officeId, person);
      const personId = known ?? (await this.repository.insertPerson(tx, context.officeId, person));
      if (known) await this.repository.updatePerson(tx, context.officeId, known, person);
      await this.repository.upsertPoolEntry(tx, electionId, {
        personId,
        source: 'office',
        ...entry.wishes,
        wishColleagueName: '',
        declaredEligible: entry.declaredEligible,
      });
      return personId;
    });
    await this.recheck(context);
    return this.row(context, id);
  }

  async previewImport(actor: Actor, electionId: string, body: PollWorkerImport): Promise<PollWorkerImportPreview> {
    const context = await this.contexts.forActor(actor, electionId);
    const list = parseStaffList(body.csv);
    const known = new Set((await this.repository.people(context.officeId)).map(samePersonKey));
    return {
      rows: list.people.length,
      samples: list.people.slice(0, 5).map((person) => `${person.familyName}, ${person.givenNames}`),
      known: list.people.filter((row) => known.has(samePersonKey(row))).length,
      problems: list.problems.map((problem) => ({ ...problem, severity: 'error' as const })),
      canApply: list.problems.length === 0 && list.people.length > 0,
    };
  }

  /** Stores a list without errors in one transaction; known people (same name and birth date) are updated. */
  async applyImport(actor: Actor, electionId: string, body: PollWorkerImport): Promise<PollWorkerImportResult> {
    const context = await this.contexts.forActor(actor, electionId);
    const list = parseStaffList(body.csv);
    if (list.problems.length > 0 || list.people.length === 0) {
      throw new AppError(
        'POLL_WORKER_IMPORT_INVALID',
        undefined,
        list.problems
          .slice(0, 50)
          .map((problem) => ({ path: `Zeile ${problem.line}${problem.field ? `, ${problem.field}` : ''}`, message: problem.message })),
      );
    }
    const knownByKey = new Map((await this.repository.people(context.officeId)).map((person) => [samePersonKey(person), person]));
    const result = await this.repository.transaction(async (tx) => {
      const fresh = new Map<string, NewPerson>();
      for (const row of list.people) {
        const known = knownByKey.get(samePersonKey(row));
        // A list says nothing about consent: the person's own choice stays.
        if (known)
          await this.repository.updatePerson(tx, context.officeId, known.id, {
            ...fromStaffList(row),
            keepForNextElection: known.keepForNextElection,
          });
        else fresh.set(samePersonKey(row), fromStaffList(row));
      }
      const ids = await this.repository.insertPeople(tx, context.officeId, [...fresh.values()]);
      const idByKey = new Map([...fresh.keys()].map((key, index) => [key, ids[index]!]));
      const personIds = [...new Set(list.people.map((row) => knownByKey.get(samePersonKey(row))?.id ?? idByKey.get(samePersonKey(row))!))];
      await this.repository.upsertPoolEntries(
        tx,
        electionId,
        personIds.map((personId) => ({
          personId,
          source: 'import' as const,
          availability: 'all-day' as const,
          wishDistrictId: null,
          wishColleagueId: null,
          wishColleagueName: '',
          wishFunction: null,
          declaredEligible: false,
        })),
      );
      return { created: fresh.size, updated: list.people.length - fresh.size };
    });
    await this.recheck(context);
    return result;
  }

  /** The volunteers of earlier elections who agreed to be asked again, into this election's pool. */
  async askEarlier(actor: Actor, electionId: string): Promise<AskEarlierResult> {
    const context = await this.contexts.forActor(actor, electionId);
    const added = await this.repository.transaction((tx) =>
      this.repository.addEarlierVolunteers(tx, context.officeId, electionId, context.electionDay),
    );
    await this.recheck(context);
    return { added };
  }

  async duplicates(actor: Actor, electionId: string): Promise<Duplicates> {
    const context = await this.contexts.forActor(actor, electionId);
    const people = await this.repository.people(context.officeId);
    const names = new Map(people.map((person) => [person.id, `${person.familyName}, ${person.givenNames} (${person.birthDate})`]));
    return {
      groups: findDuplicates(people).map((finding) => ({
        reason: finding.reason,
        personIds: finding.ids,
        names: finding.ids.map((id) => names.get(id)!),
      })),
    };
  }

  async merge(actor: Actor, electionId: string, body: MergePollWorkers): Promise<PollWorkerRow> {
    const context = await this.contexts.forActor(actor, electionId);
    if (body.keepId === body.mergeId) throw new AppError('POLL_WORKER_MERGE_SAME');
    await this.repository.transaction(async (tx) => {
      await this.requirePerson(context.officeId, body.keepId, tx);
      await this.requirePerson(context.officeId, body.mergeId, tx);
      await this.repository.merge(tx, context.officeId, body.keepId, body.mergeId);
    });
    return this.row(context, body.keepId);
  }

  /** Re-decides eligibility for the whole pool (after entries, imports, a new roll). */
  async recheck(context: ElectionNightContext): Promise<void> {
    const [people, pool] = await Promise.all([this.repository.people(context.officeId), this.repository.pool(context.electionId)]);
    const decisions = await refreshEligibility(this.repository, context, people, pool);
    await this.repository.transaction((tx) => this.repository.setEligibility(tx, context.electionId, decisions));
  }

  async row(context: ElectionNightContext, personId: string): Promise<PollWorkerRow> {
    const person = await this.requirePerson(context.officeId, personId);
    const [pool, assignments] = await Promise.all([
      this.repository.pool(context.electionId),
      this.repository.activeAssignments(context.electionId),
    ]);
    return toRow(
      person,
      pool.find((entry) => entry.personId === personId) ?? null,
      assignments.find((assignment) => assignment.personId === personId) ?? null,
      context,
    );
  }

  private async requirePerson(officeId: string, id: string, db?: Queryable): Promise<PersonRow> {
    const person = await this.repository.person(officeId, id, db);
    if (!person) throw new AppError('POLL_WORKER_NOT_FOUND');
    return person;
  }

  /** The same person already known (same name, birth date and address), to update instead of adding. */
  async findKnown(officeId: string, person: NewPerson): Promise<string | null> {
    return (await this.repository.people(officeId)).find((known) => isSamePerson(known, person))?.id ?? null;
  }

  private checkDistrict(context: ElectionNightContext, districtId: string | null): void {
    if (districtId !== null && !context.districtById.has(districtId)) throw new AppError('POLL_WORKER_DISTRICT_UNKNOWN');
  }
}

const fromStaffList = (row: StaffListPerson): NewPerson => ({
  familyName: row.familyName,
  givenNames: row.givenNames,
  birthDate: row.birthDate,
  street: row.street,
  postalCode: row.postalCode,
  city: row.city,
  email: row.email,
  phone: row.phone,
  source: 'import',
  keepForNextElection: false,
  chairExperience: row.chairExperience,
  note: '',
});

function toRow(
  person: PersonRow,
  pool: PoolRow | null,
  assignment: Parameters<typeof toAssignmentSummary>[0] | null,
  context: ElectionNightContext,
): PollWorkerRow {
  return {
    ...person,
    pool: pool && {
      eligibility: pool.eligibility,
      ineligibilityReason: pool.ineligibilityReason,
      homeDistrictId: pool.homeDistrictId,
      availability: pool.availability,
      wishDistrictId: pool.wishDistrictId,
      wishColleagueId: pool.wishColleagueId,
      wishColleagueName: pool.wishColleagueName,
      wishFunction: pool.wishFunction,
    },
    assignment: assignment && toAssignmentSummary(assignment, context),
  };
}

function matches(row: PollWorkerRow, query: PollWorkerListQuery, search: string): boolean {
  if (query.source && row.source !== query.source) return false;
  if (search && !`${row.familyName} ${row.givenNames} ${row.email ?? ''} ${row.city}`.toLocaleLowerCase('de-DE').includes(search))
    return false;
  switch (query.filter) {
    case 'all':
      return true;
    case 'unassigned':
      return row.pool !== null && row.assignment === null && row.pool.eligibility !== 'ineligible';
    case 'assigned':
      return row.assignment !== null;
    case 'unconfirmed':
      return row.assignment !== null && row.assignment.state !== 'confirmed';
    case 'ineligible':
      return row.pool?.eligibility === 'ineligible';
  }
}
