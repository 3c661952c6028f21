import { Injectable } from '@nestjs/common';
import type { DistrictBoundary } from '@wahl/domain';
import { Database, type Tx } from '../../../platform/database/database';

/** The stored district boundaries and public map of an election (table district_maps, one row per election). */
@Injectable()
export class DistrictMapRepository {
  constructor(private readonly database: Database) {}

  async replace(
    tx: Tx,
    electionId: string,
    row: { fileName: string | null; boundaries: readonly DistrictBoundary[]; mapJson: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO district_maps (election_id, file_name, boundaries, map_json, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (election_id) DO UPDATE SET file_name = EXCLUDED.file_name, boundaries = EXCLUDED.boundaries,
         map_json = EXCLUDED.map_json, updated_at = EXCLUDED.updated_at`,
      [electionId, row.fileName, JSON.stringify(row.boundaries), row.mapJson],
    );
  }

  async mapOf(electionId: string): Promise<{ mapJson: string; updatedAt: Date } | null> {
    const { rows } = await this.database.query<{ map_json: string; updated_at: Date }>(
      'SELECT map_json, updated_at FROM district_maps WHERE election_id = $1',
      [electionId],
    );
    const row = rows[0];
    return row ? { mapJson: row.map_json, updatedAt: row.updated_at } : null;
  }
}
