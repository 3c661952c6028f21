import { Injectable } from '@nestjs/common';
import { Database } from '../../../platform/database/database';

/** The reads postal voting does on elections beside the elections module's service. */
@Injectable()
export class PostalElectionsRepository {
  constructor(private readonly db: Database) {}

  /** Elections whose roll is built and whose election day has not passed (Berlin time). */
  async openElectionIds(): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT e.id FROM elections e JOIN rolls r ON r.election_id = e.id
       WHERE e.election_day >= (now() AT TIME ZONE 'Europe/Berlin')::date ORDER BY e.election_day, e.municipality_name, e.name`,
    );
    return rows.map((row) => row.id);
  }
}
