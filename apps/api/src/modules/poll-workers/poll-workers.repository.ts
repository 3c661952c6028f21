import { Injectable } from '@nestjs/common';
import type {
  AssignmentState,
  Availability,
  BoardFunction,
  EligibilityState,
  PollWorkerIneligibilityReason,
  PollWorkerSource,
  RefusalGround,
} from '@wahl/domain';
import { Database, type Queryable, type Tx } from '../../platform/database/database';

/** A person as stored (office-wide). */
export type PersonRow = {
  readonly id: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly source: PollWorkerSource;
  readonly keepForNextElection: boolean;
  readonly chairExperience: boolean;
  readonly appointmentsCount: number;
  readonly note: string;
};

export type NewPerson = Omit<PersonRow, 'id' | 'appointmentsCount'>;

export type NewPoolEntry = Pick<
  PoolRow,
  'personId' | 'source' | 'availability' | 'wishDistrictId' | 'wishColleagueId' | 'wishColleagueName' | 'wishFunction' | 'declaredEligible'
>;

/** A pool entry of one election. */
export type PoolRow = {
  readonly personId: string;
  readonly source: PollWorkerSource;
  readonly eligibility: EligibilityState;
  readonly ineligibilityReason: PollWorkerIneligibilityReason | null;
  readonly homeDistrictId: string | null;
  readonly availability: Availability;
  readonly wishDistrictId: string | null;
  readonly wishColleagueId: string | null;
  readonly wishColleagueName: string;
  readonly wishFunction: BoardFunction | null;
  readonly declaredEligible: boolean;
};

export type AssignmentRow = {
  readonly id: string;
  readonly personId: string;
  readonly personName: string;
  readonly districtId: string | null;
  readonly function: BoardFunction;
  readonly state: AssignmentState;
  readonly refusalGround: RefusalGround | null;
  readonly replacesId: string | null;
  readonly stateChangedAt: Date;
};

export type NeedRow = { readonly districtId: string; readonly function: BoardFunction; readonly seats: number };

export type CandidateMatchRow = { familyName: string; givenNames: string; birthYear: number | null };

export type RollMatchRow = {
  readonly birthDate: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly districtId: string;
};

const PERSON_COLUMNS = `p.id, p.family_name AS "familyName", p.given_names AS "givenNames", p.birth_date::text AS "birthDate",
  p.street, p.postal_code AS "postalCode", p.city, p.email, p.phone, p.source, p.keep_for_next_election AS "keepForNextElection",
  p.chair_experience AS "chairExperience", p.appointments_count AS "appointmentsCount", p.note`;

const POOL_COLUMNS = `e.person_id AS "personId", e.source, e.eligibility, e.ineligibility_reason AS "ineligibilityReason",
  e.home_district_id AS "homeDistrictId", e.availability, e.wish_district_id AS "wishDistrictId",
  e.wish_colleague_id AS "wishColleagueId", e.wish_colleague_name AS "wishColleagueName", e.wish_function AS "wishFunction",
  e.declared_eligible AS "declaredEligible"`;

const ASSIGNMENT_COLUMNS = `a.id, a.person_id AS "personId", p.family_name || ', ' || p.given_names AS "personName", a.district_id AS "districtId",
  a.function, a.state, a.refusal_ground AS "refusalGround", a.replaces_id AS "replacesId", a.state_changed_at AS "stateChangedAt"`;

const ACTIVE = `('proposed', 'appointed', 'confirmed')`;

/** All SQL of poll-worker management. Every query is scoped by office or election. */
@Injectable()
export class PollWorkersRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async people(officeId: string): Promise<PersonRow[]> {
    const { rows } = await this.db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM poll_workers p WHERE p.office_id = $1 ORDER BY p.family_name, p.given_names, p.id`,
      [officeId],
    );
    return rows;
  }

  async person(officeId: string, id: string, db: Queryable = this.db): Promise<PersonRow | null> {
    const { rows } = await db.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM poll_workers p WHERE p.office_id = $1 AND p.id = $2`, [
      officeId,
      id,
    ]);
    return rows[0] ?? null;
  }

  async insertPerson(tx: Queryable, officeId: string, person: NewPerson): Promise<string> {
    return (await this.insertPeople(tx, officeId, [person]))[0]!;
  }

  /** Stores people in one statement; their ids in the order given. */
  async insertPeople(tx: Queryable, officeId: string, people: readonly NewPerson[]): Promise<string[]> {
    if (people.length === 0) return [];
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO poll_workers (office_id, family_name, given_names, birth_date, street, postal_code, city, email, phone, source,
         keep_for_next_election, chair_experience, note)
       SELECT $1, p->>'familyName', p->>'givenNames', (p->>'birthDate')::date, p->>'street', p->>'postalCode', p->>'city', p->>'email',
         p->>'phone', p->>'source', (p->>'keepForNextElection')::boolean, (p->>'chairExperience')::boolean, p->>'note'
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(p, n)
       ORDER BY n RETURNING id`,
      [officeId, JSON.stringify(people)],
    );
    return rows.map((row) => row.id);
  }

  /** Updates the person's data; the source stays as first recorded. Consent and experience only grow from a sign-up or a list. */
  async updatePerson(tx: Queryable, officeId: string, id: string, person: NewPerson): Promise<void> {
    await tx.query(
      `UPDATE poll_workers SET family_name = $3, given_names = $4, birth_date = $5, street = $6, postal_code = $7, city = $8,
         email = COALESCE($9, email), phone = COALESCE($10, phone), keep_for_next_election = $11, chair_experience = chair_experience OR $12,
         note = CASE WHEN $13 = '' THEN note ELSE $13 END, updated_at = now()
       WHERE office_id = $1 AND id = $2`,
      [
        officeId,
        id,
        person.familyName,
        person.givenNames,
        person.birthDate,
        person.street,
        person.postalCode,
        person.city,
        person.email,
        person.phone,
        person.keepForNextElection,
        person.chairExperience,
        person.note,
      ],
    );
  }

  async pool(electionId: string): Promise<PoolRow[]> {
    const { rows } = await this.db.query<PoolRow>(`SELECT ${POOL_COLUMNS} FROM poll_worker_pool e WHERE e.election_id = $1`, [electionId]);
    return rows;
  }

  /** Adds the person to the election's pool, or updates their wishes there. */
  async upsertPoolEntry(tx: Queryable, electionId: string, entry: NewPoolEntry): Promise<void> {
    await this.upsertPoolEntries(tx, electionId, [entry]);
  }

  async upsertPoolEntries(tx: Queryable, electionId: string, entries: readonly NewPoolEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO poll_worker_pool (election_id, person_id, source, eligibility, availability, wish_district_id, wish_colleague_id,
         wish_colleague_name, wish_function, declared_eligible)
       SELECT $1, e."personId", e.source, 'unchecked', e.availability, e."wishDistrictId", e."wishColleagueId", e."wishColleagueName",
         e."wishFunction", e."declaredEligible"
       FROM jsonb_to_recordset($2::jsonb) AS e("personId" uuid, source text, availability text, "wishDistrictId" uuid, "wishColleagueId" uuid,
         "wishColleagueName" text, "wishFunction" text, "declaredEligible" boolean)
       ON CONFLICT (election_id, person_id) DO UPDATE SET availability = EXCLUDED.availability, wish_district_id = EXCLUDED.wish_district_id,
         wish_colleague_id = EXCLUDED.wish_colleague_id, wish_colleague_name = EXCLUDED.wish_colleague_name,
         wish_function = EXCLUDED.wish_function, declared_eligible = poll_worker_pool.declared_eligible OR EXCLUDED.declared_eligible`,
      [electionId, JSON.stringify(entries)],
    );
  }

  /** People of the office who agreed to be asked again and served (were in a pool) at an earlier election, not yet in this pool. */
  async addEarlierVolunteers(tx: Queryable, officeId: string, electionId: string, electionDay: string): Promise<number> {
    const { rowCount } = await tx.query(
      `INSERT INTO poll_worker_pool (election_id, person_id, source, eligibility, availability)
       SELECT $2, p.id, 'earlier-election', 'unchecked', 'all-day' FROM poll_workers p
       WHERE p.office_id = $1 AND p.keep_for_next_election
         AND EXISTS (SELECT 1 FROM poll_worker_pool o JOIN elections x ON x.id = o.election_id
                     WHERE o.person_id = p.id AND o.election_id <> $2 AND x.election_day < $3)
       ON CONFLICT (election_id, person_id) DO NOTHING`,
      [officeId, electionId, electionDay],
    );
    return rowCount ?? 0;
  }

  async setEligibility(
    tx: Queryable,
    electionId: string,
    decisions: readonly { personId: string; eligibility: EligibilityState; reason: string | null; homeDistrictId: string | null }[],
  ): Promise<void> {
    if (decisions.length === 0) return;
    await tx.query(
      `UPDATE poll_worker_pool e SET eligibility = d.eligibility, ineligibility_reason = d.reason, home_district_id = d.home_district_id
       FROM jsonb_to_recordset($2::jsonb) AS d(person_id uuid, eligibility text, reason text, home_district_id uuid)
       WHERE e.election_id = $1 AND e.person_id = d.person_id`,
      [
        electionId,
        JSON.stringify(
          decisions.map((d) => ({
            person_id: d.personId,
            eligibility: d.eligibility,
            reason: d.reason,
            home_district_id: d.homeDistrictId,
          })),
        ),
      ],
    );
  }

  /** Whether a roll is built for the election (then residents are checked against it). */
  async rollExists(electionId: string): Promise<boolean> {
    const { rows } = await this.db.query(`SELECT 1 FROM roll_voters WHERE election_id = $1 LIMIT 1`, [electionId]);
    return rows.length > 0;
  }

  /** Active roll entries born on any of the days: the names are compared by the caller. */
  async rollEntriesBornOn(electionId: string, birthDates: readonly string[]): Promise<RollMatchRow[]> {
    if (birthDates.length === 0) return [];
    const { rows } = await this.db.query<RollMatchRow>(
      `SELECT birth_date::text AS "birthDate", COALESCE(family_name, '') AS "familyName", COALESCE(given_names, '') AS "givenNames",
         district_id AS "districtId"
       FROM roll_voters WHERE election_id = $1 AND birth_date = ANY($2::date[]) AND status = 'active'`,
      [electionId, [...new Set(birthDates)]],
    );
    return rows;
  }

  /** The election's candidates (name, birth year where given), to keep them off the boards (BWahlG § 9(3)). */
  async candidates(electionId: string): Promise<CandidateMatchRow[]> {
    const { rows } = await this.db.query<CandidateMatchRow>(
      `SELECT family_name AS "familyName", given_names AS "givenNames", birth_year AS "birthYear" FROM candidates WHERE election_id = $1`,
      [electionId],
    );
    return rows;
  }

  /** Each district's Stadtteil (innermost area), for "nearby" in the proposal. */
  async districtAreas(electionId: string): Promise<Map<string, string | null>> {
    const { rows } = await this.db.query<{ id: string; areaId: string | null }>(
      `SELECT id, area_id AS "areaId" FROM districts WHERE election_id = $1`,
      [electionId],
    );
    return new Map(rows.map((row) => [row.id, row.areaId]));
  }

  async needs(electionId: string): Promise<NeedRow[]> {
    const { rows } = await this.db.query<NeedRow>(
      `SELECT district_id AS "districtId", function, seats FROM poll_worker_needs WHERE election_id = $1`,
      [electionId],
    );
    return rows;
  }

  async setNeeds(tx: Queryable, electionId: string, needs: readonly NeedRow[]): Promise<void> {
    if (needs.length === 0) return;
    await tx.query(
      `INSERT INTO poll_worker_needs (election_id, district_id, function, seats)
       SELECT $1, n.district_id, n.function, n.seats FROM jsonb_to_recordset($2::jsonb) AS n(district_id uuid, function text, seats integer)
       ON CONFLICT (district_id, function) DO UPDATE SET seats = EXCLUDED.seats`,
      [electionId, JSON.stringify(needs.map((n) => ({ district_id: n.districtId, function: n.function, seats: n.seats })))],
    );
  }

  /** Active assignments (and the reserve list) of the election. */
  async activeAssignments(electionId: string, db: Queryable = this.db): Promise<AssignmentRow[]> {
    const { rows } = await db.query<AssignmentRow>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM poll_worker_assignments a JOIN poll_workers p ON p.id = a.person_id
       WHERE a.election_id = $1 AND a.state IN ${ACTIVE} ORDER BY a.created_at, a.id`,
      [electionId],
    );
    return rows;
  }

  /** Refused seats on a district's board that no assignment replaces yet (R7.6: a substitute is still to be named). */
  async openRefusals(electionId: string): Promise<AssignmentRow[]> {
    const { rows } = await this.db.query<AssignmentRow>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM poll_worker_assignments a JOIN poll_workers p ON p.id = a.person_id
       WHERE a.election_id = $1 AND a.state = 'refused' AND a.district_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM poll_worker_assignments r WHERE r.replaces_id = a.id)
       ORDER BY a.state_changed_at, a.id`,
      [electionId],
    );
    return rows;
  }

  async hasSubstitute(tx: Queryable, assignmentId: string): Promise<boolean> {
    const { rows } = await tx.query('SELECT 1 FROM poll_worker_assignments WHERE replaces_id = $1 LIMIT 1', [assignmentId]);
    return rows.length > 0;
  }

  async assignment(electionId: string, id: string, db: Queryable = this.db, forUpdate = false): Promise<AssignmentRow | null> {
    const { rows } = await db.query<AssignmentRow>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM poll_worker_assignments a JOIN poll_workers p ON p.id = a.person_id
       WHERE a.election_id = $1 AND a.id = $2 ${forUpdate ? 'FOR UPDATE OF a' : ''}`,
      [electionId, id],
    );
    return rows[0] ?? null;
  }

  async insertAssignments(
    tx: Queryable,
    electionId: string,
    seats: readonly { personId: string; districtId: string | null; function: BoardFunction; replacesId?: string | null; note?: string }[],
  ): Promise<string[]> {
    if (seats.length === 0) return [];
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO poll_worker_assignments (election_id, person_id, district_id, function, state, replaces_id, note, state_changed_at)
       SELECT $1, s.person_id, s.district_id, s.function, 'proposed', s.replaces_id, COALESCE(s.note, ''), now()
       FROM jsonb_to_recordset($2::jsonb) AS s(person_id uuid, district_id uuid, function text, replaces_id uuid, note text)
       RETURNING id`,
      [
        electionId,
        JSON.stringify(
          seats.map((s) => ({
            person_id: s.personId,
            district_id: s.districtId,
            function: s.function,
            replaces_id: s.replacesId ?? null,
            note: s.note ?? '',
          })),
        ),
      ],
    );
    return rows.map((row) => row.id);
  }

  async setAssignmentState(
    tx: Queryable,
    id: string,
    state: AssignmentState,
    refusalGround: RefusalGround | null,
    note: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE poll_worker_assignments SET state = $2, refusal_ground = $3, note = CASE WHEN $4 = '' THEN note ELSE $4 END, state_changed_at = now()
       WHERE id = $1`,
      [id, state, refusalGround, note],
    );
  }

  async moveAssignment(tx: Queryable, id: string, districtId: string | null, fn: BoardFunction): Promise<void> {
    await tx.query(`UPDATE poll_worker_assignments SET district_id = $2, function = $3, state_changed_at = now() WHERE id = $1`, [
      id,
      districtId,
      fn,
    ]);
  }

  async deleteAssignment(tx: Queryable, id: string): Promise<void> {
    await tx.query(`DELETE FROM poll_worker_assignments WHERE id = $1`, [id]);
  }

  /**
   * Merges `mergeId` into `keepId`: pool entries and assignments the kept person lacks move over, the
   * rest goes with the merged person; wishes naming the merged person name the kept one.
   */
  async merge(tx: Queryable, officeId: string, keepId: string, mergeId: string): Promise<void> {
    await tx.query(
      `UPDATE poll_worker_pool m SET person_id = $1 WHERE m.person_id = $2
         AND NOT EXISTS (SELECT 1 FROM poll_worker_pool k WHERE k.person_id = $1 AND k.election_id = m.election_id)`,
      [keepId, mergeId],
    );
    await tx.query(
      `UPDATE poll_worker_assignments m SET person_id = $1 WHERE m.person_id = $2
         AND NOT EXISTS (SELECT 1 FROM poll_worker_assignments k WHERE k.person_id = $1 AND k.election_id = m.election_id)`,
      [keepId, mergeId],
    );
    await tx.query(`UPDATE poll_worker_pool SET wish_colleague_id = $1 WHERE wish_colleague_id = $2`, [keepId, mergeId]);
    await tx.query(
      `UPDATE poll_workers k SET keep_for_next_election = k.keep_for_next_election OR m.keep_for_next_election,
         chair_experience = k.chair_experience OR m.chair_experience, appointments_count = k.appointments_count + m.appointments_count,
         email = COALESCE(k.email, m.email), phone = COALESCE(k.phone, m.phone), updated_at = now()
       FROM poll_workers m WHERE k.office_id = $1 AND k.id = $2 AND m.office_id = $1 AND m.id = $3`,
      [officeId, keepId, mergeId],
    );
    await tx.query(`DELETE FROM poll_workers WHERE office_id = $1 AND id = $2`, [officeId, mergeId]);
  }
}
