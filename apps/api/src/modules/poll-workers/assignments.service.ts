import { Injectable } from '@nestjs/common';
import type {
  Assign,
  AssignmentOverview,
  AssignmentStateChange,
  AssignmentSummary,
  BoardNeeds,
  BoardRoster,
  DefaultNeeds,
  DistrictBoard,
  MoveAssignment,
  ProposalResult,
  Substitute,
} from '@wahl/contracts';
import { BOARD_ROLES, canServe, proposeAssignments, type AssignmentState, type BoardFunction, type ProposalPerson } from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import { advisoryXactLock, type Tx } from '../../platform/database/database';
import { AppError } from '../../platform/errors/app-error';
import type { ElectionNightContext } from '../elections/read-model/election-night-context';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { toAssignmentSummary } from './assignment-summary';
import { PollWorkersRepository, type AssignmentRow, type NeedRow } from './poll-workers.repository';

/** Which step may follow which: refused and replaced are final (a substitute takes a new assignment). */
const NEXT_STATES: Readonly<Record<AssignmentState, readonly AssignmentState[]>> = {
  proposed: ['appointed', 'confirmed', 'refused'],
  appointed: ['confirmed', 'refused'],
  confirmed: ['refused'],
  refused: [],
  replaced: [],
};

const LOCK_SCOPE = 'poll-worker-assignments';

/** Work done with a state change in its transaction (the letter's reply); it sees the seat as it was. */
export type AlongStateChange = (tx: Tx, previous: AssignmentRow) => Promise<void>;

/** Needs per district, the assignment overview, the proposal, and every change of a seat (issue #14). */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly repository: PollWorkersRepository,
    private readonly contexts: ElectionReadModel,
  ) {}

  async setNeeds(actor: Actor, electionId: string, body: BoardNeeds): Promise<AssignmentOverview> {
    const context = await this.contexts.forActor(actor, electionId);
    for (const need of body.needs) this.requireDistrict(context, need.districtId);
    await this.repository.transaction((tx) => this.repository.setNeeds(tx, electionId, body.needs));
    return this.overview(actor, electionId);
  }

  /** The same seats for every district of a kind (urn or postal boards). */
  async setDefaultNeeds(actor: Actor, electionId: string, body: DefaultNeeds): Promise<AssignmentOverview> {
    const context = await this.contexts.forActor(actor, electionId);
    const needs: NeedRow[] = context.districts
      .filter((district) => district.kind === body.districtKind)
      .flatMap((district) =>
        Object.entries(body.seats).map(([fn, seats]) => ({ districtId: district.id, function: fn as BoardFunction, seats: seats ?? 0 })),
      );
    await this.repository.transaction((tx) => this.repository.setNeeds(tx, electionId, needs));
    return this.overview(actor, electionId);
  }

  async overview(actor: Actor, electionId: string): Promise<AssignmentOverview> {
    const context = await this.contexts.forActor(actor, electionId);
    const [needs, assignments, refusals, pool] = await Promise.all([
      this.repository.needs(electionId),
      this.repository.activeAssignments(electionId),
      this.repository.openRefusals(electionId),
      this.repository.pool(electionId),
    ]);
    const summaries = assignments.map((row) => toAssignmentSummary(row, context));
    const refused = refusals.map((row) => toAssignmentSummary(row, context));
    const boards = boardsOf(context, needs, summaries, refused);
    const seated = new Set(assignments.map((assignment) => assignment.personId));
    const seats = boards.reduce((sum, board) => sum + board.seats.reduce((s, fn) => s + fn.needed, 0), 0);
    const gaps = boards.reduce((sum, board) => sum + board.gaps, 0);
    const onBoards = summaries.filter((summary) => summary.districtId !== null);
    return {
      boards,
      reserve: summaries.filter((summary) => summary.districtId === null),
      totals: {
        seats,
        filled: seats - gaps,
        confirmed: onBoards.filter((summary) => summary.state === 'confirmed').length,
        gaps,
        available: pool.filter((entry) => canServe(entry.eligibility) && !seated.has(entry.personId)).length,
      },
    };
  }

  /** The members of a district's board (not the reserve), for the roster of the polling-station day; the board sees only its own. */
  async roster(actor: Actor, electionId: string, districtId: string): Promise<BoardRoster> {
    await this.contexts.districtForActor(actor, electionId, districtId);
    const assignments = await this.repository.activeAssignments(electionId);
    return {
      members: assignments
        .filter((assignment) => assignment.districtId === districtId && assignment.state !== 'proposed')
        .map((assignment) => ({ name: assignment.personName, function: assignment.function, confirmed: assignment.state === 'confirmed' })),
    };
  }

  /** Fills every free seat from the eligible pool (held seats stay); one proposal at a time per election. */
  async propose(actor: Actor, electionId: string): Promise<ProposalResult> {
    const context = await this.contexts.forActor(actor, electionId);
    return this.repository.transaction(async (tx) => {
      await advisoryXactLock(tx, LOCK_SCOPE, electionId);
      const [needs, assignments, pool, people, areas] = await Promise.all([
        this.repository.needs(electionId),
        this.repository.activeAssignments(electionId, tx),
        this.repository.pool(electionId),
        this.repository.people(context.officeId),
        this.repository.districtAreas(electionId),
      ]);
      const held = new Map<string, number>();
      for (const assignment of assignments) {
        if (assignment.districtId)
          held.set(
            `${assignment.districtId}|${assignment.function}`,
            (held.get(`${assignment.districtId}|${assignment.function}`) ?? 0) + 1,
          );
      }
      const free = new Map<string, Partial<Record<BoardFunction, number>>>();
      for (const need of needs) {
        const open = need.seats - (held.get(`${need.districtId}|${need.function}`) ?? 0);
        if (open > 0) free.set(need.districtId, { ...free.get(need.districtId), [need.function]: open });
      }
      const seated = new Set(assignments.map((assignment) => assignment.personId));
      const experience = new Map(people.map((person) => [person.id, person]));
      const candidates: ProposalPerson[] = pool
        .filter((entry) => canServe(entry.eligibility) && !seated.has(entry.personId) && experience.has(entry.personId))
        .map((entry) => ({
          id: entry.personId,
          homeDistrictId: entry.homeDistrictId,
          wishDistrictId: entry.wishDistrictId,
          wishColleagueId: entry.wishColleagueId,
          wishFunction: entry.wishFunction,
          chairExperience: experience.get(entry.personId)!.chairExperience,
          availability: entry.availability,
          appointmentsCount: experience.get(entry.personId)!.appointmentsCount,
        }));
      const districts = context.districts
        .filter((district) => free.has(district.id))
        .map((district) => ({
          id: district.id,
          ordinal: district.ordinal,
          kind: district.kind,
          areaId: areas.get(district.id) ?? null,
          free: free.get(district.id)!,
        }));
      const proposal = proposeAssignments(districts, candidates);
      await this.repository.insertAssignments(tx, electionId, proposal.seats);
      return {
        proposed: proposal.seats.length,
        gaps: proposal.gaps.map((gap) => ({ ...gap, districtNumber: context.districtById.get(gap.districtId)!.number })),
      };
    });
  }

  /** A person on a seat or the reserve list, by hand (list or drag). */
  async assign(actor: Actor, electionId: string, body: Assign): Promise<AssignmentSummary> {
    const context = await this.contexts.forActor(actor, electionId);
    if (body.districtId) this.requireDistrict(context, body.districtId);
    const id = await this.repository.transaction(async (tx) => {
      await advisoryXactLock(tx, LOCK_SCOPE, electionId);
      await this.requireServable(electionId, body.personId);
      const active = await this.repository.activeAssignments(electionId, tx);
      if (active.some((assignment) => assignment.personId === body.personId)) throw new AppError('POLL_WORKER_ALREADY_ASSIGNED');
      const [created] = await this.repository.insertAssignments(tx, electionId, [body]);
      return created!;
    });
    return this.summary(context, id);
  }

  async move(actor: Actor, electionId: string, assignmentId: string, body: MoveAssignment): Promise<AssignmentSummary> {
    const context = await this.contexts.forActor(actor, electionId);
    if (body.districtId) this.requireDistrict(context, body.districtId);
    await this.repository.transaction(async (tx) => {
      const assignment = await this.requireActive(tx, electionId, assignmentId);
      await this.repository.moveAssignment(tx, assignment.id, body.districtId, body.function);
    });
    return this.summary(context, assignmentId);
  }

  /** Takes a proposed seat back (the person returns to the pool); appointed people refuse instead. */
  async remove(actor: Actor, electionId: string, assignmentId: string): Promise<void> {
    await this.contexts.forActor(actor, electionId);
    await this.repository.transaction(async (tx) => {
      const assignment = await this.requireActive(tx, electionId, assignmentId);
      if (assignment.state !== 'proposed') throw new AppError('POLL_WORKER_STATE_CHANGE_NOT_ALLOWED');
      await this.repository.deleteAssignment(tx, assignment.id);
    });
  }

  /**
   * Every step of a seat goes through here, the letter's reply too (`along` stores it on the letter
   * and may refuse the step, in the same transaction, before the state rule is applied).
   */
  async changeState(
    actor: Actor,
    electionId: string,
    assignmentId: string,
    body: AssignmentStateChange,
    along?: AlongStateChange,
  ): Promise<AssignmentSummary> {
    const context = await this.contexts.forActor(actor, electionId);
    if (body.state === 'refused' && body.refusalGround === null) throw new AppError('POLL_WORKER_REFUSAL_GROUND_MISSING');
    await this.repository.transaction(async (tx) => {
      const assignment = await this.repository.assignment(electionId, assignmentId, tx, true);
      if (!assignment) throw new AppError('POLL_WORKER_ASSIGNMENT_NOT_FOUND');
      await along?.(tx, assignment);
      if (!NEXT_STATES[assignment.state].includes(body.state)) throw new AppError('POLL_WORKER_STATE_CHANGE_NOT_ALLOWED');
      await this.repository.setAssignmentState(
        tx,
        assignment.id,
        body.state,
        body.state === 'refused' ? body.refusalGround : null,
        body.note,
      );
    });
    return this.summary(context, assignmentId);
  }

  /** R7.6: a substitute takes the seat on short notice; the old assignment is `replaced` (kept for the record). */
  async substitute(actor: Actor, electionId: string, assignmentId: string, body: Substitute): Promise<AssignmentSummary> {
    const context = await this.contexts.forActor(actor, electionId);
    const id = await this.repository.transaction(async (tx) => {
      await advisoryXactLock(tx, LOCK_SCOPE, electionId);
      const old = await this.repository.assignment(electionId, assignmentId, tx, true);
      if (!old || old.districtId === null) throw new AppError('POLL_WORKER_ASSIGNMENT_NOT_FOUND');
      // A seat is handed on once: a replaced seat, or a refused one that already has its substitute, stays as it is.
      if (old.state === 'replaced' || (old.state === 'refused' && (await this.repository.hasSubstitute(tx, old.id))))
        throw new AppError('POLL_WORKER_STATE_CHANGE_NOT_ALLOWED');
      await this.requireServable(electionId, body.personId);
      const active = await this.repository.activeAssignments(electionId, tx);
      const reserve = active.find((assignment) => assignment.personId === body.personId);
      if (reserve && reserve.districtId !== null) throw new AppError('POLL_WORKER_ALREADY_ASSIGNED');
      if (old.state !== 'refused') await this.repository.setAssignmentState(tx, old.id, 'replaced', null, body.note);
      // A substitute from the reserve list leaves it.
      if (reserve) await this.repository.setAssignmentState(tx, reserve.id, 'replaced', null, 'Als Ersatz eingeteilt.');
      const [created] = await this.repository.insertAssignments(tx, electionId, [
        { personId: body.personId, districtId: old.districtId, function: old.function, replacesId: old.id, note: body.note },
      ]);
      return created!;
    });
    return this.summary(context, id);
  }

  private async summary(context: ElectionNightContext, id: string): Promise<AssignmentSummary> {
    const row = await this.repository.assignment(context.electionId, id);
    if (!row) throw new AppError('POLL_WORKER_ASSIGNMENT_NOT_FOUND');
    return toAssignmentSummary(row, context);
  }

  private async requireActive(tx: Tx, electionId: string, id: string): Promise<AssignmentRow> {
    const assignment = await this.repository.assignment(electionId, id, tx, true);
    if (!assignment) throw new AppError('POLL_WORKER_ASSIGNMENT_NOT_FOUND');
    if (assignment.state === 'refused' || assignment.state === 'replaced') throw new AppError('POLL_WORKER_STATE_CHANGE_NOT_ALLOWED');
    return assignment;
  }

  private async requireServable(electionId: string, personId: string): Promise<void> {
    const entry = (await this.repository.pool(electionId)).find((candidate) => candidate.personId === personId);
    if (!entry) throw new AppError('POLL_WORKER_NOT_IN_POOL');
    if (!canServe(entry.eligibility)) throw new AppError('POLL_WORKER_NOT_ELIGIBLE');
  }

  private requireDistrict(context: ElectionNightContext, districtId: string): void {
    if (!context.districtById.has(districtId)) throw new AppError('POLL_WORKER_DISTRICT_UNKNOWN');
  }
}

function boardsOf(
  context: ElectionNightContext,
  needs: readonly NeedRow[],
  assignments: readonly AssignmentSummary[],
  refusals: readonly AssignmentSummary[],
): DistrictBoard[] {
  const needed = new Map(needs.map((need) => [`${need.districtId}|${need.function}`, need.seats]));
  const held = bySeat(assignments);
  const refused = bySeat(refusals);
  return context.districts.map((district) => {
    const seats = BOARD_ROLES.map((fn) => ({
      function: fn,
      needed: needed.get(`${district.id}|${fn}`) ?? 0,
      assignments: held.get(`${district.id}|${fn}`) ?? [],
    })).filter((seat) => seat.needed > 0 || seat.assignments.length > 0);
    const all = seats.flatMap((seat) => seat.assignments);
    const station = district.pollingStation;
    return {
      districtId: district.id,
      number: district.number,
      name: district.name,
      kind: district.kind,
      station: station && [station.name, station.address].filter(Boolean).join(', '),
      seats,
      // A refusal whose seat was filled otherwise (proposal, list) needs no substitute any more.
      refused: seats.flatMap((seat) =>
        seat.assignments.length < seat.needed ? (refused.get(`${district.id}|${seat.function}`) ?? []) : [],
      ),
      gaps: seats.reduce((sum, seat) => sum + Math.max(0, seat.needed - seat.assignments.length), 0),
      unconfirmed: all.filter((assignment) => assignment.state !== 'confirmed').length,
    };
  });
}

/** Assignments on a district's board by "district|function". */
function bySeat(assignments: readonly AssignmentSummary[]): Map<string, AssignmentSummary[]> {
  const seats = new Map<string, AssignmentSummary[]>();
  for (const assignment of assignments) {
    if (!assignment.districtId) continue;
    const key = `${assignment.districtId}|${assignment.function}`;
    seats.set(key, [...(seats.get(key) ?? []), assignment]);
  }
  return seats;
}
