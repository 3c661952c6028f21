import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';

const TEMPLATE_DATABASE = 'wahl_test_template';

export type TestDatabase = { readonly url: string; readonly drop: () => Promise<void> };

/** A fresh, migrated database of this test file's own, cloned from the run's template. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabaseOn(inject('databaseServerUrl'), TEMPLATE_DATABASE);
}

/** A new database on the server of `serverUrl`: a copy of `template`, or empty. */
export async function createDatabaseOn(serverUrl: string, template?: string): Promise<TestDatabase> {
  const name = `wahl_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
