import { Client } from 'pg';

export type DatabaseState = {
  readonly name: string;
  readonly serverVersion: string;
  readonly serverMajor: number;
  /** Tables outside the system schemas. */
  readonly tables: number;
  /** Other sessions connected to the same database (a running server, for instance). */
  readonly otherSessions: number;
};

/** What backup and restore need to know of a database before they run, in one short connection. */
export async function inspectDatabase(url: string): Promise<DatabaseState> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; version: string; version_num: string; tables: number; others: number }>(
      `SELECT current_database() AS name,
              current_setting('server_version') AS version,
              current_setting('server_version_num') AS version_num,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%') AS tables,
              (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS others`,
    );
    const row = rows[0]!;
    return {
      name: row.name,
      serverVersion: row.version.split(' ')[0]!,
      serverMajor: Math.floor(Number(row.version_num) / 10_000),
      tables: row.tables,
      otherSessions: row.others,
    };
  } finally {
    await client.end();
  }
}
