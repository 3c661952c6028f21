import { join, resolve } from 'node:path';
import { loadAppConfig, type AppConfig } from '../platform/config/app-config';
import { backupDatabase, restoreDatabase } from '../platform/database/backup/backup';
import { backupDataDirectory, restoreDataDirectory } from '../platform/database/backup/base-backup';
import { attachDatabase } from '../platform/database/database-runtime';

// `npm run db:backup -- [DATEI]` and `npm run db:restore -- DATEI [--force]`. With DATABASE_URL a
// logical backup (pg_dump); without it a base backup of the embedded server's data directory,
// which needs no client tools (docs/OPERATIONS.md). The embedded server is the one a running
// `npm start` serves, or one started here for the job.

const USAGE = ['Aufruf:', '  npm run db:backup -- [DATEI]', '  npm run db:restore -- DATEI [--force]'].join('\n');

const german = (value: number, digits = 0): string =>
  value.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ms: number): string => `${german(ms / 1000, 1)} s`;
const counted = (count: number, one: string, many: string): string => `${german(count)} ${count === 1 ? one : many}`;
const tables = (count: number): string => counted(count, 'Tabelle', 'Tabellen');
const size = (bytes: number): string => (bytes < 1 << 20 ? `${german(bytes / 1024, 1)} KB` : `${german(bytes / (1 << 20), 1)} MB`);

const defaultFile = (config: AppConfig): string =>
  join(config.dataDir, 'backups', `wahlsystem-${new Date().toISOString().replace(/[:.]/g, '-')}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);

async function backup(config: AppConfig, file: string): Promise<string> {
  const database = await attachDatabase(config, () => undefined);
  try {
    if (config.databaseUrl) {
      const done = await backupDatabase({ url: database.url, file, pgBinDir: config.pgBinDir });
      return (
        `Sicherung geschrieben: ${done.file} (${size(done.bytes)}, Datenbank „${done.database}“, PostgreSQL ${done.serverVersion}, ` +
        `${tables(done.tables)}, nur für den Eigentümer lesbar; ${seconds(done.durationMs)}).`
      );
    }
    const done = await backupDataDirectory({ url: database.url, file });
    return (
      `Sicherung geschrieben: ${done.file} (${size(done.bytes)}, Datenverzeichnis des eingebetteten PostgreSQL ${done.serverVersion}, ` +
      `${tables(done.tables)}, ${counted(done.walFiles, 'WAL-Datei', 'WAL-Dateien')}, nur für den Eigentümer lesbar; ${seconds(done.durationMs)}).`
    );
  } finally {
    await database.embedded?.stop();
  }
}

async function restore(config: AppConfig, file: string, force: boolean): Promise<string> {
  if (config.databaseUrl) {
    const done = await restoreDatabase({ url: config.databaseUrl, file, force, pgBinDir: config.pgBinDir });
    return (
      `Wiederhergestellt: ${file} → Datenbank „${done.database}“ (PostgreSQL ${done.serverVersion}, ${tables(done.tables)}` +
      `${done.replaced ? ', bisheriger Inhalt ersetzt' : ''}; ${seconds(done.durationMs)}).`
    );
  }
  const dataDir = `${config.dataDir}/postgres`;
  const done = await restoreDataDirectory({ file, dataDir, force, port: config.embeddedPostgresPort });
  return (
    `Wiederhergestellt: ${file} → ${done.dataDir} (PostgreSQL ${done.serverVersion}, ${tables(done.tables)}` +
    `${done.replaced ? ', bisheriger Inhalt ersetzt' : ''}; ${seconds(done.durationMs)}).`
  );
}

async function main(command: string | undefined, args: readonly string[]): Promise<string> {
  const force = args.includes('--force');
  const files = args.filter((arg) => arg !== '--force');
  if (
    (command !== 'backup' && command !== 'restore') ||
    files.length > 1 ||
    (command === 'restore' && files.length !== 1) ||
    (force && command === 'backup')
  )
    throw new Error(USAGE);
  const config = loadAppConfig(process.env);
  return command === 'backup' ? backup(config, resolve(files[0] ?? defaultFile(config))) : restore(config, resolve(files[0]!), force);
}

main(process.argv[2], process.argv.slice(3))
  .then((summary) => {
    process.stdout.write(`${summary}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
