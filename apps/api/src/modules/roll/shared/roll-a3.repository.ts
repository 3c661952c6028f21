import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../../platform/database/database';

/** Persons not in the roll with a Wahlschein under BWO § 25(2) (A3), kept beside the roll. */
@Injectable()
export class RollA3Repository {
  /** A3 per polling district: issued Wahlscheine only (an open application counts nowhere). */
  async countsByDistrict(db: Queryable, electionId: string): Promise<Map<string, number>> {
    const { rows } = await db.query<{ district_id: string; a3: number }>(
      `SELECT district_id, count(*)::int AS a3 FROM roll_a3_entries
       WHERE election_id = $1 AND certificate_number IS NOT NULL GROUP BY district_id`,
      [electionId],
    );
    return new Map(rows.map((r) => [r.district_id, r.a3]));
  }
}
