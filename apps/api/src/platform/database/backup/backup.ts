import { refuseExistingFile, refuseMissingBackup, writeBackupFile } from './backup-file';
import { dropJobQueue, inspectDatabase, JOB_QUEUE_SCHEMA } from './backup.repository';
import { BackupError, checkedTool, connectionArgs, runTool, ToolFailed } from './pg-tools';

// Logical backups of the application's database: pg_dump's custom format (compressed, one file,
// restorable table by table) and pg_restore in one transaction, so a bad file changes nothing.

export type BackupOutcome = {
  readonly file: string;
  readonly bytes: number;
  readonly database: string;
  readonly serverVersion: string;
  readonly tables: number;
  readonly durationMs: number;
};

export type RestoreOutcome = {
  readonly database: string;
  readonly serverVersion: string;
  readonly tables: number;
  readonly replaced: boolean;
  readonly durationMs: number;
};

/** Writes a logical backup of `url` to `file` with pg_dump (see writeBackupFile). */
export async function backupDatabase(options: { url: string; file: string; pgBinDir?: string }): Promise<BackupOutcome> {
  const started = Date.now();
  refuseExistingFile(options.file);
  const state = await inspectDatabase(options.url);
  const pgDump = await checkedTool('pg_dump', options.pgBinDir, state.serverMajor);
  const { dbname, env } = connectionArgs(options.url);
  const bytes = await writeBackupFile(options.file, async (fd) => {
    try {
      // The job queue is left out: its partitioned tables cannot be cleaned by pg_restore, and a queue restored
      // beside data of another moment would run stale jobs (docs/OPERATIONS.md).
      await runTool(pgDump, ['--format=custom', '--no-password', `--exclude-schema=${JOB_QUEUE_SCHEMA}`, `--dbname=${dbname}`], env, fd);
    } catch (error) {
      if (!(error instanceof ToolFailed)) throw error;
      throw new BackupError(`pg_dump ist fehlgeschlagen, es wurde keine Sicherung geschrieben. Meldung von pg_dump: ${error.message}`);
    }
  });
  return {
    file: options.file,
    bytes,
    database: state.name,
    serverVersion: state.serverVersion,
    tables: state.tables,
    durationMs: Date.now() - started,
  };
}

/** A tool's words for a file that breaks off or is damaged (rather than no archive at all). */
export const DAMAGED = /end of file|could not read|unexpected|corrupt/i;

/** The archive's header as pg_restore reads it; refuses what is no complete custom-format backup. */
async function readArchive(pgRestore: string, file: string): Promise<{ dumpedFromMajor: number | undefined }> {
  let listing: string;
  try {
    listing = await runTool(pgRestore, ['--list', file], process.env);
  } catch (error) {
    if (!(error instanceof ToolFailed)) throw error;
    throw new BackupError(
      DAMAGED.test(error.message)
        ? `${file} ist unvollständig oder beschädigt; es wurde nichts wiederhergestellt.`
        : `${file} ist keine lesbare Sicherung (pg_dump im Format custom, von db:backup); es wurde nichts wiederhergestellt.`,
    );
  }
  const from = /Dumped from database version:\s*(\d+)/.exec(listing);
  return { dumpedFromMajor: from ? Number(from[1]) : undefined };
}

/** A failure in the middle of the restore: the transaction was rolled back. */
function restoreFailure(error: ToolFailed, file: string): BackupError {
  const what = DAMAGED.test(error.message) ? `${file} ist unvollständig oder beschädigt` : 'pg_restore ist fehlgeschlagen';
  return new BackupError(`${what}; die Datenbank ist unverändert (alles oder nichts). Meldung von pg_restore: ${error.message}`);
}

/**
 * Restores `file` into `url` in a single transaction (all or nothing). An empty database is filled;
 * one with tables only with `force`, replacing the objects the backup holds. Refused while other
 * sessions use the database: a running server would keep serving its caches of the old state.
 */
export async function restoreDatabase(options: { url: string; file: string; force: boolean; pgBinDir?: string }): Promise<RestoreOutcome> {
  const started = Date.now();
  refuseMissingBackup(options.file);
  const state = await inspectDatabase(options.url);
  const pgRestore = await checkedTool('pg_restore', options.pgBinDir, state.serverMajor);
  const { dumpedFromMajor } = await readArchive(pgRestore, options.file);
  if (dumpedFromMajor !== undefined && dumpedFromMajor > state.serverMajor)
    throw new BackupError(
      `Die Sicherung stammt von PostgreSQL ${dumpedFromMajor}, die Zieldatenbank läuft auf PostgreSQL ${state.serverMajor}: ` +
        `bitte in einen Server der Version ${dumpedFromMajor} oder neuer wiederherstellen.`,
    );
  if (state.otherSessions > 0)
    throw new BackupError(
      `Die Datenbank „${state.name}“ wird gerade benutzt (${state.otherSessions} andere Verbindungen, etwa ein laufender Server). ` +
        'Bitte den Server zuerst beenden.',
    );
  const replaced = state.tables > 0;
  if (replaced && !options.force)
    throw new BackupError(
      `Die Datenbank „${state.name}“ ist nicht leer (${state.tables} ${state.tables === 1 ? 'Tabelle' : 'Tabellen'}). Die Wiederherstellung ersetzt ihren Inhalt: ` +
        'mit --force bestätigen oder in eine leere Datenbank wiederherstellen.',
    );
  const { dbname, env } = connectionArgs(options.url);
  const clean = replaced ? ['--clean', '--if-exists'] : [];
  try {
    await runTool(
      pgRestore,
      ['--single-transaction', '--exit-on-error', '--no-owner', '--no-acl', '--no-password', ...clean, `--dbname=${dbname}`, options.file],
      env,
    );
  } catch (error) {
    throw error instanceof ToolFailed ? restoreFailure(error, options.file) : error;
  }
  if (replaced) await dropJobQueue(options.url);
  const after = await inspectDatabase(options.url);
  return { database: after.name, serverVersion: after.serverVersion, tables: after.tables, replaced, durationMs: Date.now() - started };
}
