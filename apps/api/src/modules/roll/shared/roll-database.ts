import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** A pool or a client inside a transaction: what the roll's SQL runs against. */
export type Db = { query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>> };

/**
 * Raw PostgreSQL access for the roll's bulk work (COPY, INSERT … SELECT, window functions), taken
 * from TypeORM's own pool so that the application keeps one set of connections.
 */
@Injectable()
export class RollDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  /** A dedicated connection (for COPY and long transactions); release it when done. */
  connect(): Promise<PoolClient> {
    return this.pool.connect();
  }

  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** One import or build per election at a time: a transaction-scoped advisory lock on the election. */
export async function tryLockElection(client: PoolClient, electionId: string): Promise<boolean> {
  const result = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('roll'), hashtext($1)) AS locked`, [
    electionId,
  ]);
  return result.rows[0]?.locked === true;
}
