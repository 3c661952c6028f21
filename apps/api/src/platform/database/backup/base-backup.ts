import {
  chownSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { EMBEDDED_DATABASE } from '../database-runtime';
import { runningEmbeddedPort, startEmbeddedPostgres } from '../embedded-postgres';
import { refuseExistingFile, refuseMissingBackup, writeBackupFile } from './backup-file';
import { inspectDatabase, openBaseBackupSession, type BaseBackupSession, type DatabaseState } from './backup.repository';
import { DAMAGED } from './backup';
import { BackupError, runTool, ToolFailed } from './pg-tools';

// Physical backups of the embedded database, which comes without pg_dump (PostgreSQL docs, "Making
// a Base Backup Using the Low Level API"): the data directory copied with the system's tar between
// pg_backup_start and pg_backup_stop, with the backup_label and the WAL written meanwhile. Restored
// by unpacking into a fresh data directory: PostgreSQL's recovery replays that WAL on the first
// start and reaches the consistent state of pg_backup_stop.

/** Left out of the copy, as the documentation lists: rebuilt at start-up, or valid only for the running server. */
const NOT_COPIED = [
  './postmaster.pid',
  './postmaster.opts',
  './backup_label',
  './tablespace_map',
  './pg_wal/*',
  './pg_replslot/*',
  './pg_dynshmem/*',
  './pg_notify/*',
  './pg_serial/*',
  './pg_snapshots/*',
  './pg_stat_tmp/*',
  './pg_subtrans/*',
  'pgsql_tmp*',
  'pg_internal.init',
];

/** What a backup of a data directory must hold, beside the WAL. */
const REQUIRED_MEMBERS = ['./backup_label', './PG_VERSION', './global/pg_control'];

const WAL_FILE = /^[0-9A-F]{24}$/;

/**
 * GNU tar ends with 1 when files changed or vanished while it read them: normal for a running
 * server (the docs say so; replaying the WAL repairs them), so allowed while copying the data.
 */
const FILES_CHANGED = 1;

async function tar(args: readonly string[], filesMayChange = false): Promise<string> {
  try {
    return await runTool('tar', args, process.env);
  } catch (error) {
    if (filesMayChange && error instanceof ToolFailed && error.exitCode === FILES_CHANGED) return '';
    throw error;
  }
}

export type BaseBackupOutcome = {
  readonly file: string;
  readonly bytes: number;
  readonly serverVersion: string;
  readonly tables: number;
  readonly walFiles: number;
  readonly durationMs: number;
};

export type BaseRestoreOutcome = {
  readonly dataDir: string;
  readonly serverVersion: string;
  readonly tables: number;
  readonly replaced: boolean;
  readonly durationMs: number;
};

/** The data directory (without what NOT_COPIED names) into `archive`, then the label and the WAL from start to stop. */
async function copyDataDirectory(session: BaseBackupSession, archive: string, label: string): Promise<number> {
  const dataDir = session.dataDirectory;
  const firstWal = await session.start(label);
  const quiet = ['--warning=no-file-changed', '--warning=no-file-removed', '--warning=no-file-shrank'];
  await tar(
    ['--create', `--file=${archive}`, `--directory=${dataDir}`, ...quiet, ...NOT_COPIED.map((pattern) => `--exclude=${pattern}`), '.'],
    true,
  );
  const stop = await session.stop();
  const scratch = dirname(archive);
  const owner = statSync(dataDir);
  const labels = Object.entries({ backup_label: stop.backupLabel, tablespace_map: stop.tablespaceMap })
    .filter(([, text]) => text)
    .map(([name, text]) => {
      // Owned like the data directory: the server's OS user must read (and rename) them after a restore.
      writeFileSync(join(scratch, name), text, { mode: 0o600 });
      chownSync(join(scratch, name), owner.uid, owner.gid);
      return `./${name}`;
    });
  // The session's slot has kept every segment from the start on; the newer ones are recycled files.
  const wal = readdirSync(join(dataDir, 'pg_wal'))
    .filter((name) => WAL_FILE.test(name) && name >= firstWal && name <= stop.lastWalFile)
    .sort();
  if (wal[0] !== firstWal || wal.at(-1) !== stop.lastWalFile)
    throw new BackupError(
      `Im WAL-Ordner fehlen Dateien zwischen ${firstWal} und ${stop.lastWalFile}; es wurde keine Sicherung geschrieben.`,
    );
  await tar([
    '--append',
    `--file=${archive}`,
    `--directory=${scratch}`,
    ...labels,
    `--directory=${dataDir}`,
    ...wal.map((name) => `./pg_wal/${name}`),
  ]);
  return wal.length;
}

/**
 * Writes a base backup of the server behind `url` (a superuser connection on this machine) to
 * `file` as a gzip-compressed tar (see writeBackupFile), while the server keeps running.
 */
export async function backupDataDirectory(options: { url: string; file: string }): Promise<BaseBackupOutcome> {
  const started = Date.now();
  refuseExistingFile(options.file);
  const state = await inspectDatabase(options.url);
  const session = await openBaseBackupSession(options.url);
  let walFiles = 0;
  try {
    const bytes = await writeBackupFile(options.file, async (fd) => {
      const scratch = mkdtempSync(join(dirname(options.file), '.sicherung-'));
      try {
        const archive = join(scratch, 'daten.tar');
        walFiles = await copyDataDirectory(session, archive, `wahlsystem ${basename(options.file)}`);
        await pipeline(createReadStream(archive), createGzip(), createWriteStream('', { fd, autoClose: false }));
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
    return {
      file: options.file,
      bytes,
      serverVersion: state.serverVersion,
      tables: state.tables,
      walFiles,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    if (!(error instanceof ToolFailed)) throw error;
    throw new BackupError(`tar ist fehlgeschlagen, es wurde keine Sicherung geschrieben. Meldung von tar: ${error.message}`);
  } finally {
    await session.end(); // also ends a backup that failed before pg_backup_stop
  }
}

/** Reads the whole archive (gzip checks its length and checksum) before anything is unpacked. */
async function checkArchive(file: string): Promise<void> {
  let listing: string;
  try {
    listing = await tar(['--list', '--gzip', `--file=${file}`]);
  } catch (error) {
    if (!(error instanceof ToolFailed)) throw error;
    throw new BackupError(
      DAMAGED.test(error.message)
        ? `${file} ist unvollständig oder beschädigt; es wurde nichts wiederhergestellt.`
        : `${file} ist keine lesbare Sicherung (tar.gz von db:backup ohne DATABASE_URL); es wurde nichts wiederhergestellt.`,
    );
  }
  const members = new Set(listing.split('\n'));
  if (!REQUIRED_MEMBERS.every((member) => members.has(member)))
    throw new BackupError(
      `${file} ist keine Sicherung eines Datenverzeichnisses von db:backup (backup_label, PG_VERSION oder global/pg_control fehlen); es wurde nichts wiederhergestellt.`,
    );
}

/** The first start on a restored directory: PostgreSQL replays the WAL up to the backup's end. */
async function recover(dataDir: string, port: number): Promise<DatabaseState> {
  const server = await startEmbeddedPostgres({ dataDir, port });
  try {
    return await inspectDatabase(server.url(EMBEDDED_DATABASE));
  } finally {
    await server.stop();
  }
}

/**
 * Restores a base backup as the embedded server's data directory `dataDir`: unpacked and recovered
 * in `dataDir.partial`, which replaces `dataDir` only once the server started on it. A non-empty
 * `dataDir` only with `force`; never while a server runs on it.
 */
export async function restoreDataDirectory(options: {
  file: string;
  dataDir: string;
  force: boolean;
  port: number;
}): Promise<BaseRestoreOutcome> {
  const started = Date.now();
  refuseMissingBackup(options.file);
  const dataDir = resolve(options.dataDir);
  if (runningEmbeddedPort(dataDir) !== undefined)
    throw new BackupError(
      `Auf dem Datenverzeichnis ${dataDir} läuft gerade der Datenbankserver. Bitte den Server (npm start) zuerst beenden.`,
    );
  const replaced = existsSync(dataDir) && readdirSync(dataDir).length > 0;
  if (replaced && !options.force)
    throw new BackupError(
      `Das Datenverzeichnis ${dataDir} ist nicht leer. Die Wiederherstellung ersetzt seinen Inhalt: ` +
        'mit --force bestätigen oder WAHL_DATA_DIR auf einen neuen Ordner setzen.',
    );
  await checkArchive(options.file);
  const staging = `${dataDir}.partial`;
  rmSync(staging, { recursive: true, force: true }); // left by an interrupted restore
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(staging, { mode: 0o700 });
  let state: DatabaseState;
  try {
    await tar(['--extract', '--gzip', `--file=${options.file}`, `--directory=${staging}`]);
    state = await recover(staging, options.port);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(`Die Wiederherstellung ist fehlgeschlagen; ${dataDir} ist unverändert. Meldung: ${reason}`);
  }
  const previous = `${dataDir}.ersetzt`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(dataDir)) renameSync(dataDir, previous);
  renameSync(staging, dataDir);
  rmSync(previous, { recursive: true, force: true });
  return { dataDir, serverVersion: state.serverVersion, tables: state.tables, replaced, durationMs: Date.now() - started };
}
