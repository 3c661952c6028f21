import { Injectable } from '@nestjs/common';
import type { OpenDataPollingStation } from '@wahl/domain';
import { Database } from '../../../platform/database/database';

/** The SQL of the open-data files beyond the results: the polling rooms of one election (read-only). */
@Injectable()
export class OpenDataRepository {
  constructor(private readonly database: Database) {}

  /** Every polling room of the election in document order, with the numbers of the districts voting in it. */
  async pollingStations(electionId: string): Promise<OpenDataPollingStation[]> {
    const { rows } = await this.database.query<{
      key: string;
      name: string;
      street: string;
      house_number: string;
      postal_code: string;
      city: string;
      opening_hours: string;
      barrier_free: boolean;
      barrier_free_note: string | null;
      districts: string[];
    }>(
      `SELECT p.key, p.name, p.street, p.house_number, p.postal_code, p.city, p.opening_hours, p.barrier_free, p.barrier_free_note,
              coalesce(array_agg(d.number ORDER BY d.ordinal) FILTER (WHERE d.id IS NOT NULL), '{}') AS districts
         FROM polling_stations p LEFT JOIN districts d ON d.polling_station_id = p.id
        WHERE p.election_id = $1
        GROUP BY p.id
        ORDER BY p.ordinal`,
      [electionId],
    );
    return rows.map((row) => ({
      id: row.key,
      name: row.name,
      address: { street: row.street, houseNumber: row.house_number, postalCode: row.postal_code, city: row.city },
      openingHours: row.opening_hours,
      barrierFree: row.barrier_free,
      ...(row.barrier_free_note === null ? {} : { barrierFreeNote: row.barrier_free_note }),
      districtNumbers: row.districts,
    }));
  }
}
