import { join, resolve } from 'node:path';
import { loadAppConfig } from '../platform/config/app-config';
import { backupDatabase, restoreDatabase } from '../platform/database/backup/backup';
import { attachDatabase } from '../platform/database/database-runtime';

// `npm run db:backup -- [DATEI]` and `npm run db:restore -- DATEI [--force]`: on DATABASE_URL, the
// embedded database of a running `npm start`, or the embedded database started here for the job.

const USAGE = ['Aufruf:', '  npm run db:backup -- [DATEI.dump]', '  npm run db:restore -- DATEI.dump [--force]'].join('\n');

const german = (value: number, digits = 0): string =>
  value.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ms: number): string => `${german(ms / 1000, 1)} s`;
const tables = (count: number): string => `${german(count)} ${count === 1 ? 'Tabelle' : 'Tabellen'}`;
const size = (bytes: number): string => (bytes < 1 << 20 ? `${german(bytes / 1024, 1)} KB` : `${german(bytes / (1 << 20), 1)} MB`);

const defaultFile = (dataDir: string): string =>
  join(dataDir, 'backups', `wahlsystem-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`);

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
  const database = await attachDatabase(config, () => undefined);
  try {
    if (command === 'backup') {
      const done = await backupDatabase({
        url: database.url,
        file: resolve(files[0] ?? defaultFile(config.dataDir)),
        pgBinDir: config.pgBinDir,
      });
      return (
        `Sicherung geschrieben: ${done.file} (${size(done.bytes)}, Datenbank „${done.database}“, PostgreSQL ${done.serverVersion}, ` +
        `${tables(done.tables)}, nur für den Eigentümer lesbar; ${seconds(done.durationMs)}).`
      );
    }
    const file = resolve(files[0]!);
    const done = await restoreDatabase({ url: database.url, file, force, pgBinDir: config.pgBinDir });
    return (
      `Wiederhergestellt: ${file} → Datenbank „${done.database}“ (PostgreSQL ${done.serverVersion}, ${tables(done.tables)}` +
      `${done.replaced ? ', bisheriger Inhalt ersetzt' : ''}; ${seconds(done.durationMs)}).`
    );
  } finally {
    await database.embedded?.stop();
  }
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
