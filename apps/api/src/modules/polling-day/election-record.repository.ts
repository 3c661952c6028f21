import { Injectable } from '@nestjs/common';
import type { ElectionRecordContent } from '@wahl/contracts';
import type { QuickReport } from '@wahl/domain';
import { advisoryXactLock, Database } from '../../platform/database/database';
import type { StoredRecordSignature } from './entities/election-record.entity';

export type RecordRow = {
  readonly districtId: string;
  readonly revision: number;
  readonly record: ElectionRecordContent;
  readonly signatures: readonly StoredRecordSignature[];
  readonly savedAt: Date;
  readonly checkedAt: Date | null;
  readonly checkedByName: string | null;
};

/** What a change writes: the new state of the row (the repository stores it as decided). */
export type RecordChange = Pick<RecordRow, 'revision' | 'record' | 'signatures' | 'checkedAt' | 'checkedByName'> & {
  readonly savedByName?: string;
};

export type CountedReport = { readonly districtId: string; readonly version: number; readonly report: QuickReport };

const RECORD_COLUMNS = `district_id AS "districtId", revision, record, signatures, saved_at AS "savedAt",
  checked_at AS "checkedAt", checked_by_name AS "checkedByName"`;

/** All SQL of the Wahlniederschrift (BWO § 72) and the quick reports it is compared with. */
@Injectable()
export class ElectionRecordRepository {
  constructor(private readonly database: Database) {}

  async records(electionId: string, districtId?: string): Promise<RecordRow[]> {
    const { rows } = await this.database.query<RecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM polling_day_records WHERE election_id = $1 AND ($2::uuid IS NULL OR district_id = $2)`,
      [electionId, districtId ?? null],
    );
    return rows;
  }

  /** The quick report versions that count (confirmed or corrected), per district. */
  async countedReports(electionId: string, districtId?: string): Promise<Map<string, CountedReport>> {
    const { rows } = await this.database.query<CountedReport>(
      `SELECT s.district_id AS "districtId", r.version, r.report
       FROM election_night_districts s
       JOIN election_night_reports r ON r.district_id = s.district_id AND r.version = s.counted_version
       WHERE s.election_id = $1 AND s.state IN ('confirmed', 'corrected') AND ($2::uuid IS NULL OR s.district_id = $2)`,
      [electionId, districtId ?? null],
    );
    return new Map(rows.map((row) => [row.districtId, row]));
  }

  /**
   * Changes a district's record under a lock (one writer per district): `decide` sees the stored row
   * (null before the first save) and answers the new state or throws; nothing is written if it throws.
   */
  async change(electionId: string, districtId: string, decide: (current: RecordRow | null) => RecordChange): Promise<RecordRow> {
    return this.database.transaction(async (tx) => {
      await advisoryXactLock(tx, 'polling-day-record', districtId);
      const { rows } = await tx.query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM polling_day_records WHERE election_id = $1 AND district_id = $2`,
        [electionId, districtId],
      );
      const next = decide(rows[0] ?? null);
      const saved = await tx.query<RecordRow>(
        `INSERT INTO polling_day_records (district_id, election_id, revision, record, signatures, saved_by_name, saved_at, checked_at, checked_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, now(), $7, $8)
         ON CONFLICT (district_id) DO UPDATE SET revision = EXCLUDED.revision, record = EXCLUDED.record, signatures = EXCLUDED.signatures,
           saved_by_name = coalesce($9, polling_day_records.saved_by_name),
           saved_at = CASE WHEN $9::text IS NULL THEN polling_day_records.saved_at ELSE now() END,
           checked_at = EXCLUDED.checked_at, checked_by_name = EXCLUDED.checked_by_name
         RETURNING ${RECORD_COLUMNS}`,
        [
          districtId,
          electionId,
          next.revision,
          next.record,
          JSON.stringify(next.signatures),
          next.savedByName ?? '',
          next.checkedAt,
          next.checkedByName,
          next.savedByName ?? null,
        ],
      );
      return saved.rows[0]!;
    });
  }
}
