import { Injectable } from '@nestjs/common';
import type { HouseNumberParity, Street } from '@wahl/domain';
import { Database } from '../../../platform/database/database';
import type { DirectoryDistrict } from './address-lookup';

export type DirectoryRows = { readonly streets: Street[]; readonly districts: DirectoryDistrict[] };

/** All SQL of the district lookup: the street directory, districts and polling stations of one election. */
@Injectable()
export class DistrictLookupRepository {
  constructor(private readonly database: Database) {}

  /** null when there is no such election. */
  async directory(electionId: string): Promise<DirectoryRows | null> {
    const { rows: elections } = await this.database.query(`SELECT 1 FROM elections WHERE id = $1`, [electionId]);
    if (elections.length === 0) return null;
    const [{ rows: segmentRows }, { rows: districtRows }] = await Promise.all([
      this.database.query<{
        key: string;
        name: string;
        postal_code: string;
        from_number: string;
        to_number: string;
        parity: HouseNumberParity;
        district_id: string;
      }>(
        `SELECT s.key, s.name, s.postal_code, g.from_number, g.to_number, g.parity, g.district_id
           FROM streets s JOIN street_segments g ON g.street_id = s.id
          WHERE s.election_id = $1
          ORDER BY s.ordinal, g.ordinal`,
        [electionId],
      ),
      this.database.query<{
        id: string;
        number: string;
        name: string;
        station: string | null;
        street: string;
        house_number: string;
        postal_code: string;
        city: string;
        barrier_free: boolean;
      }>(
        `SELECT d.id, d.number, d.name, p.name AS station, p.street, p.house_number, p.postal_code, p.city, p.barrier_free
           FROM districts d LEFT JOIN polling_stations p ON p.id = d.polling_station_id
          WHERE d.election_id = $1`,
        [electionId],
      ),
    ]);
    const streets = new Map<string, Street & { segments: Street['segments'][number][] }>();
    for (const row of segmentRows) {
      const street = streets.get(row.key) ?? { key: row.key, name: row.name, postalCode: row.postal_code, segments: [] };
      street.segments.push({ from: row.from_number, to: row.to_number, parity: row.parity, district: row.district_id });
      streets.set(row.key, street);
    }
    return {
      streets: [...streets.values()],
      districts: districtRows.map((row) => ({
        id: row.id,
        number: row.number,
        name: row.name,
        pollingStation:
          row.station === null
            ? null
            : {
                name: row.station,
                address: `${row.street} ${row.house_number}, ${row.postal_code} ${row.city}`,
                barrierFree: row.barrier_free,
              },
      })),
    };
  }
}
