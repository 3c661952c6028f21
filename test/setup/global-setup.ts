import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../apps/api/src/platform/database/embedded-postgres';
import { runMigrations } from '../../apps/api/src/platform/database/run-migrations';

export const TEMPLATE_DATABASE = 'wahl_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL without a database name; each test file creates its own database from the template. */
    databaseServerUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const withDatabase = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

// One PostgreSQL for the whole run (TEST_DATABASE_URL, else an embedded one), one migrated
// template database; test files clone it, so they run in parallel and never share rows.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let serverUrl: string;
  let stop = async (): Promise<void> => {};
  if (process.env['TEST_DATABASE_URL']) {
    serverUrl = withDatabase(process.env['TEST_DATABASE_URL'], 'postgres');
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'wahl-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    serverUrl = server.url('postgres');
    stop = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await runMigrations(withDatabase(serverUrl, TEMPLATE_DATABASE));
  await admin.end();
  project.provide('databaseServerUrl', serverUrl);
  return stop;
}
