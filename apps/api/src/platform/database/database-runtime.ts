import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { embeddedUrl, runningEmbeddedPort, startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres';

export type DatabaseRuntime = {
  readonly url: string;
  readonly embedded: EmbeddedServer | undefined;
};

export const EMBEDDED_DATABASE = 'wahlsystem';

async function ensureDatabase(server: EmbeddedServer, name: string): Promise<void> {
  const client = new Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL when set; otherwise the embedded server with its data under the data folder. */
export async function provideDatabase(config: AppConfig, log: (line: string) => void): Promise<DatabaseRuntime> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: undefined };
  const embedded = await startEmbeddedPostgres({
    dataDir: `${config.dataDir}/postgres`,
    port: config.embeddedPostgresPort,
    supervision: log,
  });
  await ensureDatabase(embedded, EMBEDDED_DATABASE);
  log(`embedded PostgreSQL on port ${config.embeddedPostgresPort}, data in ${config.dataDir}/postgres`);
  return { url: embedded.url(EMBEDDED_DATABASE), embedded };
}

/**
 * For the tools beside the server (`npm run cli`, `db:migrate`, `db:backup`, `db:restore`): DATABASE_URL
 * when set; else the embedded database that a running `npm start` serves (only one process can run a
 * data folder's embedded server; found through its postmaster.pid); else the embedded server started
 * here (`embedded` set: the caller stops it).
 */
export async function attachDatabase(config: AppConfig, log: (line: string) => void): Promise<DatabaseRuntime> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: undefined };
  const port = runningEmbeddedPort(`${config.dataDir}/postgres`);
  if (port !== undefined) {
    log(`embedded PostgreSQL of the running server (port ${port})`);
    return { url: embeddedUrl(port, EMBEDDED_DATABASE), embedded: undefined };
  }
  return provideDatabase(config, log);
}
