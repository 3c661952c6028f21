import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { isServerRunning, readServerState } from '../runtime/server-state';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres';

export type DatabaseRuntime = {
  readonly url: string;
  readonly embedded: EmbeddedServer | undefined;
};

const EMBEDDED_DATABASE = 'wahlsystem';

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

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * For the tools beside `npm start` (`npm run cli`, `npm run db:migrate`): only one process can run the
 * embedded database of a data folder, so when the server that runs on it says where (its state file)
 * and that database answers, the tool uses it; a stale file (the server is gone) changes nothing.
 */
export async function provideDatabaseBesideServer(config: AppConfig, log: (line: string) => void): Promise<DatabaseRuntime> {
  const state = config.databaseUrl ? undefined : readServerState(config.dataDir);
  if (state?.embeddedDatabaseUrl && isServerRunning(state) && (await answers(state.embeddedDatabaseUrl))) {
    log(`embedded PostgreSQL of the running server (pid ${state.pid})`);
    return { url: state.embeddedDatabaseUrl, embedded: undefined };
  }
  return provideDatabase(config, log);
}
