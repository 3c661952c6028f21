import { Injectable } from '@nestjs/common';
import { candidateName, type CouncilTally } from '@wahl/domain';
import { Database, type Queryable } from '../../platform/database/database';

/** A council contest with what counting needs from the election document (the elections module's tables). */
export type StoredCouncilContest = {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly electionId: string;
  readonly electionName: string;
  readonly officeId: string;
  readonly ballotType: string;
  readonly seats: number | null;
  readonly votesPerBallot: number;
  readonly maxVotesPerCandidate: number;
  readonly lists: readonly StoredCouncilList[];
};

export type StoredCouncilList = {
  readonly id: string;
  readonly key: string;
  readonly ballotPosition: number;
  readonly shortName: string;
  readonly name: string;
  readonly color: string;
  /** In list order. */
  readonly candidates: readonly { readonly id: string; readonly position: number; readonly name: string }[];
};

/** A batch as stored: the domain's sums keyed by database ids. */
export type NewCouncilBatch = {
  readonly electionId: string;
  readonly contestId: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly team: string;
  readonly enteredBy: string;
  readonly declaredBallots: number;
  readonly tally: CouncilTally;
  /** list id → counts, only lists with ballots. */
  readonly papers: readonly { readonly listId: string; readonly unchangedBallots: number; readonly changedBallots: number }[];
  /** candidate id → votes, only candidates with votes. */
  readonly votes: readonly { readonly candidateId: string; readonly votes: number }[];
};

export type StoredBatchSummary = {
  readonly id: string;
  readonly requestHash: string;
  readonly team: string;
  readonly declaredBallots: number;
  readonly ballots: number;
  readonly validBallots: number;
  readonly invalid: {
    readonly tooManyVotes: number;
    readonly tooManyForCandidate: number;
    readonly noVotes: number;
    readonly rejected: number;
  };
  readonly blankPaperBallots: number;
  readonly voidVotes: number;
  readonly lostVotes: number;
  readonly createdAt: Date;
};

/** Sums over all batches of a contest, keyed by database ids. */
export type ContestSums = {
  readonly batches: number;
  readonly ballots: number;
  readonly validBallots: number;
  readonly invalid: StoredBatchSummary['invalid'];
  readonly blankPaperBallots: number;
  readonly voidVotes: number;
  readonly lostVotes: number;
  readonly papers: ReadonlyMap<string, { readonly unchangedBallots: number; readonly changedBallots: number }>;
  readonly votes: ReadonlyMap<string, number>;
};

export type StoredDeclaration = { readonly declaredAt: Date; readonly lots: string[] | null; readonly result: unknown };

type Row = Record<string, unknown>;
const num = (value: unknown): number => Number(value ?? 0);

// Readers and writers of one contest's batches serialise only against declaring the result final:
// entries take this lock shared (they never wait for each other), the declaration takes it exclusively.
const LOCK_KEY = `hashtext('council-count:' || $1)`;

const BATCH_COLUMNS = `id, request_hash, team, declared_ballots, ballots, valid_ballots, invalid_too_many_votes, invalid_too_many_for_candidate,
  invalid_no_votes, invalid_rejected, blank_paper_ballots, void_votes, lost_votes, created_at`;

function toSummary(r: Row): StoredBatchSummary {
  return {
    id: String(r['id']),
    requestHash: String(r['request_hash']),
    team: String(r['team']),
    declaredBallots: num(r['declared_ballots']),
    ballots: num(r['ballots']),
    validBallots: num(r['valid_ballots']),
    invalid: {
      tooManyVotes: num(r['invalid_too_many_votes']),
      tooManyForCandidate: num(r['invalid_too_many_for_candidate']),
      noVotes: num(r['invalid_no_votes']),
      rejected: num(r['invalid_rejected']),
    },
    blankPaperBallots: num(r['blank_paper_ballots']),
    voidVotes: num(r['void_votes']),
    lostVotes: num(r['lost_votes']),
    createdAt: r['created_at'] as Date,
  };
}

// The rows of a statement with bound parameters.
const rowsOf = async (db: Queryable, text: string, values: readonly unknown[]): Promise<Row[]> => (await db.query<Row>(text, values)).rows;

/** All SQL of council counting. */
@Injectable()
export class CouncilCountRepository {
  constructor(private readonly database: Database) {}

  /** The contest with its lists and candidates (tables of the elections module), or null. */
  async findContest(electionId: string, contestKey: string): Promise<StoredCouncilContest | null> {
    const [contest] = (await rowsOf(
      this.database,
      `SELECT c.id, c.key, c.name, c.ballot_type, c.seats, c.votes_per_ballot, c.max_votes_per_candidate,
              e.id AS election_id, e.name AS election_name, e.office_id
         FROM contests c JOIN elections e ON e.id = c.election_id
        WHERE c.election_id = $1 AND c.key = $2`,
      [electionId, contestKey],
    )) as Row[];
    return contest ? this.withLists(contest) : null;
  }

  /** Every council contest of an election, in document order; null when the election does not exist. */
  async findCouncilContests(electionId: string): Promise<StoredCouncilContest[] | null> {
    const rows = (await rowsOf(
      this.database,
      `SELECT c.id, c.key, c.name, c.ballot_type, c.seats, c.votes_per_ballot, c.max_votes_per_candidate,
              e.id AS election_id, e.name AS election_name, e.office_id
         FROM elections e LEFT JOIN contests c ON c.election_id = e.id AND c.ballot_type = 'council'
        WHERE e.id = $1
        ORDER BY c.ordinal`,
      [electionId],
    )) as Row[];
    if (rows.length === 0) return null;
    return Promise.all(rows.filter((r) => r['id'] !== null).map((r) => this.withLists(r)));
  }

  private async withLists(contest: Row): Promise<StoredCouncilContest> {
    const contestId = String(contest['id']);
    const [lists, candidates] = (await Promise.all([
      rowsOf(this.database, `SELECT id, key, ballot_position, short_name, name, color FROM lists WHERE contest_id = $1 ORDER BY ordinal`, [
        contestId,
      ]),
      rowsOf(
        this.database,
        `SELECT k.id, k.list_id, k.position, k.title, k.given_names, k.family_name
           FROM candidates k JOIN lists l ON l.id = k.list_id
          WHERE l.contest_id = $1 ORDER BY k.list_id, k.position`,
        [contestId],
      ),
    ])) as [Row[], Row[]];
    const byList = new Map<string, StoredCouncilList['candidates'][number][]>();
    for (const k of candidates) {
      const name = candidateName({
        title: k['title'] as string | null,
        givenNames: String(k['given_names']),
        familyName: String(k['family_name']),
      });
      const of = byList.get(String(k['list_id'])) ?? [];
      of.push({ id: String(k['id']), position: num(k['position']), name });
      byList.set(String(k['list_id']), of);
    }
    return {
      id: contestId,
      key: String(contest['key']),
      name: String(contest['name']),
      electionId: String(contest['election_id']),
      electionName: String(contest['election_name']),
      officeId: String(contest['office_id']),
      ballotType: String(contest['ballot_type']),
      seats: contest['seats'] === null ? null : num(contest['seats']),
      votesPerBallot: num(contest['votes_per_ballot']),
      maxVotesPerCandidate: num(contest['max_votes_per_candidate']),
      lists: lists.map((l) => ({
        id: String(l['id']),
        key: String(l['key']),
        ballotPosition: num(l['ballot_position']),
        shortName: String(l['short_name']),
        name: String(l['name']),
        color: String(l['color']),
        candidates: byList.get(String(l['id'])) ?? [],
      })),
    };
  }

  /**
   * Stores a batch in one transaction: a shared lock against the final declaration, then one
   * statement that inserts the batch row and bulk-inserts its per-list and per-candidate sums
   * (arrays unnested server-side: three parameters however many candidates). Returns null when
   * nothing was stored: the key was used before, or the result is final.
   */
  async insertBatch(batch: NewCouncilBatch): Promise<{ readonly id: string; readonly createdAt: Date } | null> {
    const t = batch.tally;
    return this.database.transaction(async (tx) => {
      await rowsOf(tx, `SELECT pg_advisory_xact_lock_shared(${LOCK_KEY})`, [batch.contestId]);
      // Its own statement, so its snapshot sees a declaration committed while we waited for the lock.
      const rows = (await rowsOf(
        tx,
        `WITH batch AS (
           INSERT INTO council_batches (election_id, contest_id, idempotency_key, request_hash, team, entered_by, declared_ballots, ballots,
             valid_ballots, invalid_too_many_votes, invalid_too_many_for_candidate, invalid_no_votes, invalid_rejected,
             blank_paper_ballots, void_votes, lost_votes)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16
            WHERE NOT EXISTS (SELECT 1 FROM council_result_declarations d WHERE d.contest_id = $2)
           ON CONFLICT (contest_id, idempotency_key) DO NOTHING
           RETURNING id, created_at
         ), papers AS (
           INSERT INTO council_batch_papers (batch_id, list_id, unchanged_ballots, changed_ballots)
           SELECT batch.id, p.list_id, p.unchanged, p.changed
             FROM batch, unnest($17::uuid[], $18::int[], $19::int[]) AS p(list_id, unchanged, changed)
         ), votes AS (
           INSERT INTO council_batch_votes (batch_id, candidate_id, votes)
           SELECT batch.id, v.candidate_id, v.votes FROM batch, unnest($20::uuid[], $21::int[]) AS v(candidate_id, votes)
         )
         SELECT id, created_at FROM batch`,
        [
          batch.electionId,
          batch.contestId,
          batch.idempotencyKey,
          batch.requestHash,
          batch.team,
          batch.enteredBy,
          batch.declaredBallots,
          t.ballots,
          t.validBallots,
          t.invalidBallots['too-many-votes'],
          t.invalidBallots['too-many-for-candidate'],
          t.invalidBallots['no-votes'],
          t.invalidBallots.rejected,
          t.blankPaperBallots,
          t.voidVotes,
          t.lostVotes,
          batch.papers.map((p) => p.listId),
          batch.papers.map((p) => p.unchangedBallots),
          batch.papers.map((p) => p.changedBallots),
          batch.votes.map((v) => v.candidateId),
          batch.votes.map((v) => v.votes),
        ],
      )) as Row[];
      return rows[0] ? { id: String(rows[0]['id']), createdAt: rows[0]['created_at'] as Date } : null;
    });
  }

  async findBatch(contestId: string, idempotencyKey: string): Promise<StoredBatchSummary | null> {
    const [row] = (await rowsOf(
      this.database,
      `SELECT ${BATCH_COLUMNS} FROM council_batches WHERE contest_id = $1 AND idempotency_key = $2`,
      [contestId, idempotencyKey],
    )) as Row[];
    return row ? toSummary(row) : null;
  }

  /** Sums of every batch of the contest, all three read from one snapshot. */
  currentSums(contestId: string): Promise<ContestSums> {
    return this.database.transaction((tx) => this.sums(contestId, tx), { isolation: 'REPEATABLE READ' });
  }

  /** Sums of the given batches of the contest only (R8.7: the batches a public total releases). */
  releasedSums(contestId: string, batchIds: readonly string[]): Promise<ContestSums> {
    return this.database.transaction((tx) => this.sums(contestId, tx, batchIds), { isolation: 'REPEATABLE READ' });
  }

  /** Every batch of the contest with its ballots, in entry order: the units of its public total (R8.7). */
  async batchUnits(contestId: string): Promise<{ readonly id: string; readonly ballots: number }[]> {
    const rows = await rowsOf(this.database, `SELECT id, ballots FROM council_batches WHERE contest_id = $1 ORDER BY created_at, id`, [
      contestId,
    ]);
    return rows.map((row) => ({ id: String(row['id']), ballots: num(row['ballots']) }));
  }

  /** Three aggregate queries over the per-batch sums (all batches, or just `batchIds`), in the caller's transaction. */
  private async sums(contestId: string, tx: Queryable, batchIds: readonly string[] | null = null): Promise<ContestSums> {
    // One after the other: the queries share the transaction's connection.
    const inBatches = `($2::uuid[] IS NULL OR b.id = ANY($2::uuid[]))`;
    const [totals] = (await rowsOf(
      tx,
      `SELECT count(*) AS batches, sum(ballots) AS ballots, sum(valid_ballots) AS valid_ballots,
              sum(invalid_too_many_votes) AS invalid_too_many_votes, sum(invalid_too_many_for_candidate) AS invalid_too_many_for_candidate,
              sum(invalid_no_votes) AS invalid_no_votes, sum(invalid_rejected) AS invalid_rejected,
              sum(blank_paper_ballots) AS blank_paper_ballots, sum(void_votes) AS void_votes, sum(lost_votes) AS lost_votes
         FROM council_batches b WHERE b.contest_id = $1 AND ${inBatches}`,
      [contestId, batchIds],
    )) as Row[];
    const papers = (await rowsOf(
      tx,
      `SELECT p.list_id, sum(p.unchanged_ballots) AS unchanged, sum(p.changed_ballots) AS changed
         FROM council_batch_papers p JOIN council_batches b ON b.id = p.batch_id
        WHERE b.contest_id = $1 AND ${inBatches} GROUP BY p.list_id`,
      [contestId, batchIds],
    )) as Row[];
    const votes = (await rowsOf(
      tx,
      `SELECT v.candidate_id, sum(v.votes) AS votes
         FROM council_batch_votes v JOIN council_batches b ON b.id = v.batch_id
        WHERE b.contest_id = $1 AND ${inBatches} GROUP BY v.candidate_id`,
      [contestId, batchIds],
    )) as Row[];
    const r = totals ?? {};
    return {
      batches: num(r['batches']),
      ballots: num(r['ballots']),
      validBallots: num(r['valid_ballots']),
      invalid: {
        tooManyVotes: num(r['invalid_too_many_votes']),
        tooManyForCandidate: num(r['invalid_too_many_for_candidate']),
        noVotes: num(r['invalid_no_votes']),
        rejected: num(r['invalid_rejected']),
      },
      blankPaperBallots: num(r['blank_paper_ballots']),
      voidVotes: num(r['void_votes']),
      lostVotes: num(r['lost_votes']),
      papers: new Map(
        papers.map((p) => [String(p['list_id']), { unchangedBallots: num(p['unchanged']), changedBallots: num(p['changed']) }]),
      ),
      votes: new Map(votes.map((v) => [String(v['candidate_id']), num(v['votes'])])),
    };
  }

  async findDeclaration(contestId: string): Promise<StoredDeclaration | null> {
    const [row] = (await rowsOf(this.database, `SELECT declared_at, lots, result FROM council_result_declarations WHERE contest_id = $1`, [
      contestId,
    ])) as Row[];
    return row ? { declaredAt: row['declared_at'] as Date, lots: (row['lots'] as string[] | null) ?? null, result: row['result'] } : null;
  }

  /**
   * Runs `work` over the contest's sums while no batch is being entered (exclusive lock) and stores
   * the declaration it returns; an error thrown by `work` stores nothing. A contest already declared
   * is left as it was and its stored result returned.
   */
  async declareFinal(
    contest: { readonly id: string; readonly electionId: string },
    declaredBy: string,
    declaredAt: Date,
    work: (sums: ContestSums) => { readonly lots: readonly string[] | null; readonly result: unknown },
  ): Promise<{ readonly alreadyFinal: boolean; readonly result: unknown }> {
    return this.database.transaction(async (tx) => {
      await rowsOf(tx, `SELECT pg_advisory_xact_lock(${LOCK_KEY})`, [contest.id]);
      const [existing] = (await rowsOf(tx, `SELECT result FROM council_result_declarations WHERE contest_id = $1`, [contest.id])) as Row[];
      if (existing) return { alreadyFinal: true, result: existing['result'] };
      const outcome = work(await this.sums(contest.id, tx));
      await rowsOf(
        tx,
        `INSERT INTO council_result_declarations (contest_id, election_id, declared_by, lots, result, declared_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          contest.id,
          contest.electionId,
          declaredBy,
          outcome.lots === null ? null : JSON.stringify(outcome.lots),
          JSON.stringify(outcome.result),
          declaredAt,
        ],
      );
      return { alreadyFinal: false, result: outcome.result };
    });
  }
}
