import { Injectable } from '@nestjs/common';
import type { ElectionKind, ReleaseEntry } from '@wahl/domain';
import { Database, type Queryable } from '../../../platform/database/database';
import type { RecordAdditions } from './publication-decisions';

export type StoredState = {
  readonly version: number;
  readonly publishedAt: Date | null;
  readonly contentDigest: string | null;
};

/** A row of R8.5's record: a district public alone (no partner) or one direction of a merged pair. */
export type RecordRow = { readonly districtId: string; readonly partnerId: string | null; readonly seq: number };

/** How much of the log and the record the caller holds: it is sent what was stored after. */
export type Held = { readonly releases: number; readonly recordSeq: number };

/** The state as read under the row lock, with the log entries and record rows after what the caller holds. */
export type LockedState = StoredState & { readonly releases: readonly ReleaseEntry[]; readonly record: readonly RecordRow[] };

/**
 * What to store: the state, (R8.7) the log entries that the new release adds and (R8.5) what the
 * record gains, each numbered after the stored ones.
 */
export type StateUpdate = StoredState & { readonly releases?: readonly ReleaseEntry[]; readonly record?: RecordAdditions };

const NOTHING_HELD: Held = { releases: 0, recordSeq: 0 };

export type SummaryRow = {
  readonly id: string;
  readonly name: string;
  readonly kind: ElectionKind;
  readonly electionDay: string;
  readonly municipalityName: string;
  readonly rehearsal: boolean;
  readonly expected: number;
  readonly reported: number;
  readonly version: number;
  readonly updatedAt: Date;
};

/** All SQL of the public results. Reads of the election tables are read-only and by election id. */
@Injectable()
export class PublicationRepository {
  constructor(private readonly database: Database) {}

  /**
   * Runs `work` while holding the election's state row (created on first use): deciding and
   * numbering a publication happens on one process at a time. `work` returns the state to store, or
   * null to leave it as it is. `held`: what of the log and the record the caller holds, asked for
   * once the row is locked and again after `work` (which counts what it adds).
   */
  async withState<T>(
    electionId: string,
    work: (state: LockedState) => Promise<{ result: T; save: StateUpdate | null }>,
    held: () => Held = () => NOTHING_HELD,
  ): Promise<T> {
    return this.database.transaction(async (tx) => {
      await tx.query(`INSERT INTO public_results_state (election_id) VALUES ($1) ON CONFLICT (election_id) DO NOTHING`, [electionId]);
      const { rows } = await tx.query<{ version: number; published_at: Date | null; content_digest: string | null }>(
        `SELECT version, published_at, content_digest FROM public_results_state WHERE election_id = $1 FOR UPDATE`,
        [electionId],
      );
      const row = rows[0]!;
      const before = held();
      const { rows: releases } = await tx.query<{ key: string; added: string[]; removed: string[] }>(
        `SELECT key, added, removed FROM publication_releases WHERE election_id = $1 AND seq > $2 ORDER BY seq`,
        [electionId, before.releases],
      );
      const record = await this.recordAfter(tx, electionId, before.recordSeq);
      const { result, save } = await work({
        version: row.version,
        publishedAt: row.published_at,
        contentDigest: row.content_digest,
        releases,
        record,
      });
      if (save?.releases?.length) {
        // The ledger counts the entries just read and the new ones already: number the new ones after the stored.
        const first = held().releases - save.releases.length + 1;
        await tx.query(
          `INSERT INTO publication_releases (election_id, seq, version, key, added, removed)
           SELECT $1, x.seq, $2, x.key, x.added, x.removed FROM jsonb_to_recordset($3::jsonb) AS x(seq integer, key text, added jsonb, removed jsonb)`,
          [electionId, save.version, JSON.stringify(save.releases.map((entry, index) => ({ ...entry, seq: first + index })))],
        );
      }
      if (save?.record) await this.addToRecord(tx, electionId, save.record, held().recordSeq);
      if (save) {
        await tx.query(`UPDATE public_results_state SET version = $2, published_at = $3, content_digest = $4 WHERE election_id = $1`, [
          electionId,
          save.version,
          save.publishedAt,
          save.contentDigest,
        ]);
      }
      return result;
    });
  }

  // R8.5's record after `seq`: the rows of both tables in the order they were written.
  private async recordAfter(tx: Queryable, electionId: string, seq: number): Promise<RecordRow[]> {
    const { rows } = await tx.query<{ district_id: string; partner_id: string | null; seq: number }>(
      `SELECT district_id, NULL::uuid AS partner_id, seq FROM public_released_districts WHERE election_id = $1 AND seq > $2
       UNION ALL
       SELECT district_id, partner_id, seq FROM public_merged_pairs WHERE election_id = $1 AND seq > $2
       ORDER BY seq`,
      [electionId, seq],
    );
    return rows.map((row) => ({ districtId: row.district_id, partnerId: row.partner_id, seq: row.seq }));
  }

  // Only what the publication adds; `last`: the caller's last row, the additions counted already.
  private async addToRecord(tx: Queryable, electionId: string, additions: RecordAdditions, last: number): Promise<void> {
    const first = last - additions.publishedAlone.length - additions.mergedPairs.length + 1;
    if (additions.publishedAlone.length > 0) {
      await tx.query(
        `INSERT INTO public_released_districts (election_id, district_id, seq)
         SELECT $1, x.district_id, $2 + x.ordinality - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS x(district_id, ordinality)`,
        [electionId, first, additions.publishedAlone],
      );
    }
    if (additions.mergedPairs.length > 0) {
      await tx.query(
        `INSERT INTO public_merged_pairs (election_id, district_id, partner_id, seq)
         SELECT $1, x.district_id, x.partner_id, $2 + x.ordinality - 1
         FROM unnest($3::uuid[], $4::uuid[]) WITH ORDINALITY AS x(district_id, partner_id, ordinality)
         ON CONFLICT (election_id, district_id) DO UPDATE SET partner_id = EXCLUDED.partner_id, seq = EXCLUDED.seq`,
        [
          electionId,
          first + additions.publishedAlone.length,
          additions.mergedPairs.map(([id]) => id),
          additions.mergedPairs.map(([, partner]) => partner),
        ],
      );
    }
  }

  async versions(electionIds: readonly string[]): Promise<Map<string, number>> {
    if (electionIds.length === 0) return new Map();
    const { rows } = await this.database.query<{ election_id: string; version: number }>(
      `SELECT election_id, version FROM public_results_state WHERE election_id = ANY($1::uuid[])`,
      [electionIds],
    );
    return new Map(rows.map((row) => [row.election_id, row.version]));
  }

  /**
   * The elections that can still receive reports, the latest election day first: those with a district
   * whose result is not final yet (its Wahlniederschrift not checked by the office, R7.15).
   */
  async openElections(): Promise<string[]> {
    const { rows } = await this.database.query<{ id: string }>(
      `SELECT e.id FROM elections e
        WHERE EXISTS (SELECT 1 FROM districts d WHERE d.election_id = e.id
          AND NOT EXISTS (SELECT 1 FROM polling_day_records r WHERE r.district_id = d.id AND r.checked_at IS NOT NULL))
        ORDER BY e.election_day DESC, e.id`,
    );
    return rows.map((row) => row.id);
  }

  /** Every election with its progress (counted districts), for the public list. */
  async summaries(): Promise<SummaryRow[]> {
    const { rows } = await this.database.query<{
      id: string;
      name: string;
      kind: ElectionKind;
      election_day: string;
      municipality_name: string;
      results_phase: 'rehearsal' | 'live';
      expected: number;
      reported: number;
      version: number;
      updated_at: Date;
    }>(
      `SELECT e.id, e.name, e.kind, e.election_day::text AS election_day, e.municipality_name, e.results_phase,
         (SELECT count(*) FROM districts d WHERE d.election_id = e.id)::int AS expected,
         (SELECT count(*) FROM election_night_districts s WHERE s.election_id = e.id AND s.counted_version IS NOT NULL)::int AS reported,
         coalesce(p.version, 0) AS version, coalesce(p.published_at, e.created_at) AS updated_at
       FROM elections e LEFT JOIN public_results_state p ON p.election_id = e.id
       ORDER BY e.election_day DESC, e.name`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      electionDay: row.election_day,
      municipalityName: row.municipality_name,
      rehearsal: row.results_phase === 'rehearsal',
      expected: row.expected,
      reported: row.reported,
      version: row.version,
      updatedAt: row.updated_at,
    }));
  }
}
