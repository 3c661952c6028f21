import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { from as copyFromStdin, to as copyToStdout } from 'pg-copy-streams';
import type { Readable, Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { QUERY_TIMEOUT_MS } from './timeouts';

/** The pool or a transaction's client: what a repository's SQL runs against. Values are always bound. */
export type Queryable = {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
};

/** A connection inside `Database.transaction`; repositories take it to join the caller's transaction. */
export type Tx = PoolClient;

export type TransactionOptions = { readonly isolation?: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE' };

/**
 * The one data layer of the API: PostgreSQL through TypeORM's own pool (one set of connections for
 * the whole process). Repositories run their SQL here with parameters bound by the driver; services
 * open transactions and hand the `Tx` to the repositories they call.
 */
@Injectable()
export class Database implements Queryable {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  get pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  /**
   * `name`: for a statement that runs on (nearly) every request, prepared once per pooled connection
   * so that the server parses and plans it once instead of on each call.
   */
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[], name?: string): Promise<QueryResult<R>> {
    // pg reads query_timeout from the query's config too; its types know it only on the client's.
    const config = { name, text, values: values as unknown[] | undefined, query_timeout: QUERY_TIMEOUT_MS } as QueryConfig;
    return this.pool.query<R>(config);
  }

  /** A dedicated connection (COPY, long reads beside a transaction); release it when done. */
  connect(): Promise<PoolClient> {
    return this.pool.connect();
  }

  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const client = await this.connect();
    try {
      await client.query(options.isolation ? `BEGIN ISOLATION LEVEL ${options.isolation}` : 'BEGIN');
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

/**
 * A transaction-scoped advisory lock on (scope, key), e.g. one roll build per election at a time.
 * False when another transaction holds it; released by COMMIT or ROLLBACK.
 */
export async function tryAdvisoryXactLock(tx: Tx, scope: string, key: string): Promise<boolean> {
  const result = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked', [
    scope,
    key,
  ]);
  return result.rows[0]?.locked === true;
}

/** Waits for the transaction-scoped advisory lock on (scope, key). */
export async function advisoryXactLock(tx: Tx, scope: string, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [scope, key]);
}

/** `COPY … FROM STDIN` on the client: write COPY text to the stream, await its 'finish'. */
export const copyIn = (client: PoolClient, sql: string): Writable => client.query(copyFromStdin(sql));

/** `COPY … TO STDOUT` on the client, as a readable stream of COPY text. */
export const copyOut = (client: PoolClient, sql: string): Readable => client.query(copyToStdout(sql));
