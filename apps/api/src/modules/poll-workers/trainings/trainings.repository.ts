import { Injectable } from '@nestjs/common';
import { advisoryXactLock, Database, type Queryable, type Tx } from '../../../platform/database/database';

export type TrainingRow = {
  readonly id: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly place: string;
  readonly address: string;
  readonly capacity: number;
  readonly invited: number;
  readonly attended: number;
};

export type ParticipantRow = {
  readonly personId: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly districtId: string | null;
  readonly attended: boolean | null;
};

const TRAINING_COLUMNS = `t.id, t.starts_at AS "startsAt", t.ends_at AS "endsAt", t.place, t.address, t.capacity,
  (SELECT count(*)::int FROM poll_worker_training_invitations i WHERE i.training_id = t.id) AS invited,
  (SELECT count(*)::int FROM poll_worker_training_invitations i WHERE i.training_id = t.id AND i.attended) AS attended`;

/** All SQL of the trainings: sessions, invitations, attendance. */
@Injectable()
export class TrainingsRepository {
  constructor(readonly database: Database) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  async create(
    electionId: string,
    training: { startsAt: Date; endsAt: Date; place: string; address: string; capacity: number },
  ): Promise<string> {
    const { rows } = await this.database.query<{ id: string }>(
      `INSERT INTO poll_worker_trainings (election_id, starts_at, ends_at, place, address, capacity)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [electionId, training.startsAt, training.endsAt, training.place, training.address, training.capacity],
    );
    return rows[0]!.id;
  }

  async list(electionId: string): Promise<TrainingRow[]> {
    const { rows } = await this.database.query<TrainingRow>(
      `SELECT ${TRAINING_COLUMNS} FROM poll_worker_trainings t WHERE t.election_id = $1 ORDER BY t.starts_at, t.place`,
      [electionId],
    );
    return rows;
  }

  async one(queryable: Queryable, electionId: string, trainingId: string): Promise<TrainingRow | null> {
    const { rows } = await queryable.query<TrainingRow>(
      `SELECT ${TRAINING_COLUMNS} FROM poll_worker_trainings t WHERE t.election_id = $1 AND t.id = $2`,
      [electionId, trainingId],
    );
    return rows[0] ?? null;
  }

  /** Serialises invitations of one election, so that two clerks cannot overfill a session together. */
  lockElection(tx: Tx, electionId: string): Promise<void> {
    return advisoryXactLock(tx, 'poll-worker-trainings', electionId);
  }

  /** Of the given people, those in the office's pool of this election (pw's pool table). */
  async poolMembers(tx: Tx, electionId: string, personIds: readonly string[]): Promise<string[]> {
    const { rows } = await tx.query<{ personId: string }>(
      `SELECT person_id AS "personId" FROM poll_worker_pool WHERE election_id = $1 AND person_id = ANY($2::uuid[])`,
      [electionId, personIds],
    );
    return rows.map((row) => row.personId);
  }

  /** Invites the people to the training; one already invited to another session of the election moves here. */
  async invite(tx: Tx, electionId: string, trainingId: string, personIds: readonly string[]): Promise<void> {
    await tx.query(
      `INSERT INTO poll_worker_training_invitations (training_id, person_id, election_id)
       SELECT $2, person_id, $1 FROM unnest($3::uuid[]) AS person_id
       ON CONFLICT (election_id, person_id) DO UPDATE SET training_id = EXCLUDED.training_id, attended = NULL
         WHERE poll_worker_training_invitations.training_id <> EXCLUDED.training_id`,
      [electionId, trainingId, personIds],
    );
  }

  async countNew(tx: Tx, trainingId: string, personIds: readonly string[]): Promise<number> {
    const { rows } = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM unnest($2::uuid[]) AS chosen(id)
        WHERE NOT EXISTS (SELECT 1 FROM poll_worker_training_invitations i WHERE i.training_id = $1 AND i.person_id = chosen.id)`,
      [trainingId, personIds],
    );
    return rows[0]!.n;
  }

  async setAttendance(electionId: string, trainingId: string, personId: string, attended: boolean): Promise<boolean> {
    const { rowCount } = await this.database.query(
      `UPDATE poll_worker_training_invitations SET attended = $4 WHERE election_id = $1 AND training_id = $2 AND person_id = $3`,
      [electionId, trainingId, personId, attended],
    );
    return (rowCount ?? 0) > 0;
  }

  /** The invited, with the district of their standing seat if any (sorted by the service, German collation). */
  async participants(electionId: string, trainingId: string): Promise<ParticipantRow[]> {
    const { rows } = await this.database.query<ParticipantRow>(
      `SELECT p.id AS "personId", p.family_name AS "familyName", p.given_names AS "givenNames", a.district_id AS "districtId", i.attended
         FROM poll_worker_training_invitations i
         JOIN poll_workers p ON p.id = i.person_id
         LEFT JOIN poll_worker_assignments a ON a.election_id = i.election_id AND a.person_id = i.person_id
               AND a.state IN ('proposed', 'appointed', 'confirmed')
        WHERE i.election_id = $1 AND i.training_id = $2`,
      [electionId, trainingId],
    );
    return rows;
  }

  /** Each invited person's training in this election, for the appointment letters. */
  async trainingsByPerson(electionId: string): Promise<Map<string, TrainingRow>> {
    const { rows } = await this.database.query<TrainingRow & { personId: string }>(
      `SELECT inv.person_id AS "personId", ${TRAINING_COLUMNS} FROM poll_worker_trainings t
         JOIN poll_worker_training_invitations inv ON inv.training_id = t.id
        WHERE inv.election_id = $1`,
      [electionId],
    );
    return new Map(rows.map((row) => [row.personId, row]));
  }
}
