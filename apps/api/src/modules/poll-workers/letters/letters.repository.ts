import { Injectable } from '@nestjs/common';
import type { LetterReply, LetterRunState } from '@wahl/contracts';
import type { BoardRole } from '@wahl/domain';
import { Database, tryAdvisoryXactLock, type Queryable, type Tx } from '../../../platform/database/database';

export type LetterRunRow = {
  readonly id: string;
  readonly electionId: string;
  readonly state: LetterRunState;
  readonly assignmentIds: string[];
  readonly done: number;
  readonly startedBy: { id: string; name: string; role: string };
  readonly message: string | null;
  readonly fileName: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
};

export type LetterSeatRow = {
  readonly assignmentId: string;
  readonly personId: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly districtId: string;
  readonly function: BoardRole;
  readonly previousCodeId: string | null;
};

const RUN_COLUMNS = `id, election_id AS "electionId", state, assignment_ids AS "assignmentIds", done, started_by AS "startedBy",
  message, file_name AS "fileName", created_at AS "createdAt", finished_at AS "finishedAt"`;

/** All SQL of the appointment letters: runs, the seats they write to, the letters and replies. */
@Injectable()
export class LettersRepository {
  constructor(private readonly database: Database) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  /** One run start per election at a time. */
  lockStart(tx: Tx, electionId: string): Promise<boolean> {
    return tryAdvisoryXactLock(tx, 'poll-worker-letters', electionId);
  }

  async openRun(tx: Queryable, electionId: string): Promise<boolean> {
    const { rows } = await tx.query(`SELECT 1 FROM poll_worker_letter_runs WHERE election_id = $1 AND state IN ('queued', 'running')`, [
      electionId,
    ]);
    return rows.length > 0;
  }

  /** Seats on a district's board that need a letter: proposed or appointed without one (all standing seats when reissuing). */
  async seatsNeedingLetters(tx: Queryable, electionId: string, districtIds: readonly string[] | null, reissue: boolean): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT a.id FROM poll_worker_assignments a
         LEFT JOIN poll_worker_letters l ON l.assignment_id = a.id
        WHERE a.election_id = $1 AND a.district_id IS NOT NULL
          AND ($2::uuid[] IS NULL OR a.district_id = ANY($2::uuid[]))
          AND (CASE WHEN $3 THEN a.state IN ('proposed', 'appointed', 'confirmed') ELSE a.state IN ('proposed', 'appointed') AND l.assignment_id IS NULL END)
        ORDER BY a.id`,
      [electionId, districtIds, reissue],
    );
    return rows.map((row) => row.id);
  }

  async insertRun(
    tx: Tx,
    run: { electionId: string; assignmentIds: readonly string[]; startedBy: LetterRunRow['startedBy'] },
  ): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO poll_worker_letter_runs (election_id, state, assignment_ids, started_by) VALUES ($1, 'queued', $2, $3) RETURNING id`,
      [run.electionId, run.assignmentIds, JSON.stringify(run.startedBy)],
    );
    return rows[0]!.id;
  }

  async run(electionId: string | null, runId: string): Promise<LetterRunRow | null> {
    const { rows } = await this.database.query<LetterRunRow>(
      `SELECT ${RUN_COLUMNS} FROM poll_worker_letter_runs WHERE id = $1 AND ($2::uuid IS NULL OR election_id = $2)`,
      [runId, electionId],
    );
    return rows[0] ?? null;
  }

  async latestRuns(electionId: string): Promise<LetterRunRow[]> {
    const { rows } = await this.database.query<LetterRunRow>(
      `SELECT ${RUN_COLUMNS} FROM poll_worker_letter_runs WHERE election_id = $1 ORDER BY created_at DESC LIMIT 10`,
      [electionId],
    );
    return rows;
  }

  async setRunState(
    runId: string,
    change: { state: LetterRunState; done?: number; message?: string | null; fileName?: string | null; finished?: boolean },
  ): Promise<void> {
    await this.database.query(
      `UPDATE poll_worker_letter_runs SET state = $2, done = COALESCE($3, done), message = $4, file_name = COALESCE($5, file_name),
         finished_at = CASE WHEN $6 THEN now() ELSE finished_at END WHERE id = $1`,
      [runId, change.state, change.done ?? null, change.message ?? null, change.fileName ?? null, change.finished ?? false],
    );
  }

  async setDone(runId: string, done: number): Promise<void> {
    await this.database.query('UPDATE poll_worker_letter_runs SET done = $2 WHERE id = $1', [runId, done]);
  }

  /** The run's seats that still stand, with the person's address and the code of an earlier letter. */
  async seatsOfRun(tx: Tx, run: LetterRunRow): Promise<LetterSeatRow[]> {
    const { rows } = await tx.query<LetterSeatRow>(
      `SELECT a.id AS "assignmentId", p.id AS "personId", p.family_name AS "familyName", p.given_names AS "givenNames",
              p.street, p.postal_code AS "postalCode", p.city, a.district_id AS "districtId", a.function,
              l.access_code_id AS "previousCodeId"
         FROM poll_worker_assignments a
         JOIN poll_workers p ON p.id = a.person_id
         LEFT JOIN poll_worker_letters l ON l.assignment_id = a.id
        WHERE a.id = ANY($1::uuid[]) AND a.election_id = $2 AND a.district_id IS NOT NULL
          AND a.state IN ('proposed', 'appointed', 'confirmed')
        FOR UPDATE OF a`,
      [run.assignmentIds, run.electionId],
    );
    return rows;
  }

  /** A letter goes out: the seat is appointed (a proposal becomes an appointment) and its letter row points at the new code. */
  async recordLetters(
    tx: Tx,
    runId: string,
    electionId: string,
    letters: readonly { assignmentId: string; codeId: string }[],
    at: Date,
  ): Promise<void> {
    const ids = letters.map((letter) => letter.assignmentId);
    await tx.query(
      `INSERT INTO poll_worker_letters (assignment_id, election_id, run_id, access_code_id, issued_at)
       SELECT x.assignment_id, $2, $3, x.code_id, $4 FROM jsonb_to_recordset($1::jsonb) AS x(assignment_id uuid, code_id uuid)
       ON CONFLICT (assignment_id) DO UPDATE SET run_id = EXCLUDED.run_id, access_code_id = EXCLUDED.access_code_id,
         issued_at = EXCLUDED.issued_at, reply = NULL, reply_note = '', replied_at = NULL`,
      [JSON.stringify(letters.map((letter) => ({ assignment_id: letter.assignmentId, code_id: letter.codeId }))), electionId, runId, at],
    );
    await tx.query(
      `UPDATE poll_worker_assignments SET state = 'appointed', state_changed_at = $2 WHERE id = ANY($1::uuid[]) AND state = 'proposed'`,
      [ids, at],
    );
  }

  async letterOf(tx: Tx, electionId: string, assignmentId: string): Promise<{ hasLetter: boolean } | null> {
    const { rows } = await tx.query<{ hasLetter: boolean }>(
      `SELECT l.assignment_id IS NOT NULL AS "hasLetter" FROM poll_worker_assignments a
         LEFT JOIN poll_worker_letters l ON l.assignment_id = a.id
        WHERE a.id = $1 AND a.election_id = $2`,
      [assignmentId, electionId],
    );
    return rows[0] ?? null;
  }

  /** The member's reply as stored on the letter; the seat's state changes with it in the assignments service. */
  async recordReply(tx: Tx, assignmentId: string, reply: LetterReply, note: string, at: Date): Promise<void> {
    await tx.query(`UPDATE poll_worker_letters SET reply = $2, reply_note = $3, replied_at = $4 WHERE assignment_id = $1`, [
      assignmentId,
      reply,
      note,
      at,
    ]);
  }
}
