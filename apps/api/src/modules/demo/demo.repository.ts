import { Injectable } from '@nestjs/common';
import { Database } from '../../platform/database/database';

/** The demo seeding's one query of its own: whether the installation holds any election yet. */
@Injectable()
export class DemoRepository {
  constructor(private readonly database: Database) {}

  /** A plain existence check across offices; the elections module offers no office-independent count. */
  async anyElectionExists(): Promise<boolean> {
    const result = await this.database.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM elections) AS present');
    return result.rows[0]?.present === true;
  }
}
