import { Client } from 'pg';

/** The job queue's schema (pg-boss, platform/jobs): transient work, not part of a logical backup. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

export type DatabaseState = {
  readonly name: string;
  readonly serverVersion: string;
  readonly serverMajor: number;
  /** The application's tables: outside the system schemas and the job queue's. */
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
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', $1) AND n.nspname NOT LIKE 'pg_toast%') AS tables,
              (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS others`,
      [JOB_QUEUE_SCHEMA],
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

/** After a restore over an existing database: its old queue must not run against the restored data (recreated on start). */
export async function dropJobQueue(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${JOB_QUEUE_SCHEMA} CASCADE`);
  } finally {
    await client.end();
  }
}

/** One session of PostgreSQL's low-level base backup API ("Making a Base Backup Using the Low Level API"). */
export type BaseBackupSession = {
  readonly dataDirectory: string;
  /** pg_backup_start after an immediate checkpoint; the WAL file holding the backup's start. */
  readonly start: (label: string) => Promise<string>;
  /** pg_backup_stop without waiting for an archive (there is none); the WAL file holding its end. */
  readonly stop: () => Promise<{ lastWalFile: string; backupLabel: string; tablespaceMap: string }>;
  /** Ends the session, and with it a backup still running and the slot. */
  readonly end: () => Promise<void>;
};

/**
 * Opens the session the backup must keep open from start to stop. A temporary replication slot
 * keeps the WAL from here until the session ends: a checkpoint during the copy would otherwise
 * recycle segments the backup needs.
 */
export async function openBaseBackupSession(url: string): Promise<BaseBackupSession> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [`wahl_backup_${process.pid}`]);
    const { rows } = await client.query<{ directory: string }>(`SELECT current_setting('data_directory') AS directory`);
    return {
      dataDirectory: rows[0]!.directory,
      start: async (label) => {
        const started = await client.query<{ wal: string }>('SELECT pg_walfile_name(pg_backup_start($1, fast => true)) AS wal', [label]);
        return started.rows[0]!.wal;
      },
      stop: async () => {
        const stopped = await client.query<{ wal: string; labelfile: string; spcmapfile: string | null }>(
          'SELECT pg_walfile_name(lsn) AS wal, labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => false)',
        );
        const row = stopped.rows[0]!;
        return { lastWalFile: row.wal, backupLabel: row.labelfile, tablespaceMap: row.spcmapfile ?? '' };
      },
      end: () => client.end(),
    };
  } catch (error) {
    await client.end();
    throw error;
  }
}
