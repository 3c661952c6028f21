import { Injectable } from '@nestjs/common';
import { Database } from '../../platform/database/database';

/** The one query of the health check. */
@Injectable()
export class HealthRepository {
  constructor(private readonly db: Database) {}

  async appliedMigrations(): Promise<number> {
    const { rows } = await this.db.query<{ count: string }>('SELECT count(*)::text AS count FROM typeorm_migrations');
    return Number(rows[0]?.count ?? 0);
  }
}
