import { Injectable } from '@nestjs/common';
import type { QuickReport } from '@wahl/domain';
import { Database } from '../../platform/database/database';
import type { OfficeLevel } from '../identity/entities/office.entity';
import { toStatusRow, type DistrictStatusRow, type StatusRow } from '../quick-reports/reports.repository';
import type { CountedRow } from './live-totals';

export type MunicipalityOffice = { id: string; name: string; ags: string };
export type OfficeRow = { id: string; name: string; ags: string; level: OfficeLevel };

type CountedRowRecord = { district_id: string; counted_revision: number; counted_seq: string; report: QuickReport | null };

const toCountedRow = (row: CountedRowRecord): CountedRow => ({
  districtId: row.district_id,
  revision: row.counted_revision,
  report: row.report,
  seq: Number(row.counted_seq),
});

// A row whose counted_revision is above 0 has a counted_seq above 0: every write that moves the
// revision takes one (and the migration that added the column gave one to every counted row). The
// sum over the rows past 0 is therefore the sum over all rows, read along the index on (election_id,
// counted_seq) over the counted districts only: 100,000 districts cost a full pass at every
// publication, however few had reported (issue 16).
const REVISION_SUM = `SELECT coalesce(sum(counted_revision), 0)::bigint AS sum FROM election_night_districts
   WHERE election_id = $1 AND counted_seq > 0`;

/** All SQL of aggregation: reads of the counted reports, the district states and the office tree. */
@Injectable()
export class AggregationRepository {
  constructor(private readonly database: Database) {}

  /**
   * The sum of the districts' counted revisions: moves with every counted change. Read at every
   * publication, so over the counted rows only (REVISION_SUM), not every district of the election.
   */
  async revisionSum(electionId: string): Promise<number> {
    const { rows } = await this.database.query<{ sum: string }>(REVISION_SUM, [electionId]);
    return Number(rows[0]?.sum ?? 0);
  }

  // One statement, so revisions and reports come from one snapshot; along the same index as REVISION_SUM.
  async counted(electionId: string): Promise<CountedRow[]> {
    const { rows } = await this.database.query<CountedRowRecord>(
      `SELECT s.district_id, s.counted_revision, s.counted_seq, r.report
       FROM election_night_districts s
       LEFT JOIN election_night_reports r ON r.district_id = s.district_id AND r.version = s.counted_version
       WHERE s.election_id = $1 AND s.counted_seq > 0 AND s.counted_revision > 0`,
      [electionId],
    );
    return rows.map(toCountedRow);
  }

  /**
   * The districts whose counted state changed after the marker `afterSeq` (index on election and
   * counted_seq), with the revision sum of the same snapshot, so the caller can tell whether they
   * explain the whole gap.
   */
  async countedSince(electionId: string, afterSeq: number): Promise<{ rows: CountedRow[]; sum: number }> {
    const { rows } = await this.database.query<CountedRowRecord & { sum: string }>(
      `WITH total AS (${REVISION_SUM})
       SELECT t.sum, c.district_id, c.counted_revision, c.counted_seq, c.report
       FROM total t
       LEFT JOIN (
         SELECT s.district_id, s.counted_revision, s.counted_seq, r.report
         FROM election_night_districts s
         LEFT JOIN election_night_reports r ON r.district_id = s.district_id AND r.version = s.counted_version
         WHERE s.election_id = $1 AND s.counted_seq > $2::bigint
       ) c ON true
       ORDER BY c.counted_seq`,
      [electionId, afterSeq],
    );
    return { rows: rows.filter((row) => row.district_id !== null).map(toCountedRow), sum: Number(rows[0]?.sum ?? 0) };
  }

  /** Every district's state with the current version's author and warnings, for the dashboard. */
  async statuses(electionId: string): Promise<DistrictStatusRow[]> {
    const { rows } = await this.database.query<StatusRow>(
      `SELECT s.district_id, s.state, s.current_version, s.counted_version, s.compared_version, s.confirmed_by_name, s.rejection_reason, s.updated_at,
              r.entered_by_name, r.warnings, r.confirmations
       FROM election_night_districts s
       LEFT JOIN election_night_reports r ON r.district_id = s.district_id AND r.version = s.current_version
       WHERE s.election_id = $1`,
      [electionId],
    );
    return rows.map(toStatusRow);
  }

  async office(officeId: string): Promise<OfficeRow | null> {
    const { rows } = await this.database.query<OfficeRow>(`SELECT id, name, ags, level FROM offices WHERE id = $1`, [officeId]);
    return rows[0] ?? null;
  }

  // UNION (not UNION ALL) stops at a cycle in parent_id instead of recursing forever.
  async descendantMunicipalities(officeId: string): Promise<MunicipalityOffice[]> {
    const { rows } = await this.database.query<MunicipalityOffice>(
      `WITH RECURSIVE below AS (
         SELECT id, name, ags, level FROM offices WHERE parent_id = $1
         UNION
         SELECT o.id, o.name, o.ags, o.level FROM offices o JOIN below b ON o.parent_id = b.id
       )
       SELECT id, name, ags FROM below WHERE level = 'municipality' ORDER BY ags`,
      [officeId],
    );
    return rows;
  }

  // Should a municipality have imported the same election twice, its latest import counts.
  async electionsOf(officeIds: readonly string[], kind: string, electionDay: string): Promise<Map<string, string>> {
    if (officeIds.length === 0) return new Map();
    const { rows } = await this.database.query<{ office_id: string; id: string }>(
      `SELECT DISTINCT ON (office_id) office_id, id FROM elections
       WHERE office_id = ANY($1::uuid[]) AND kind = $2 AND election_day = $3::date
       ORDER BY office_id, created_at DESC`,
      [officeIds, kind, electionDay],
    );
    return new Map(rows.map((row) => [row.office_id, row.id]));
  }
}
