import 'reflect-metadata';
import { loadAppConfig } from '../platform/config/app-config';
import { attachDatabase } from '../platform/database/database-runtime';
import { runMigrations } from '../platform/database/run-migrations';

// `npm run db:migrate`: brings the schema of DATABASE_URL (or the embedded database, also while `npm start` runs) up to date.
async function migrate(): Promise<void> {
  const config = loadAppConfig(process.env);
  const database = await attachDatabase(config, console.log);
  try {
    const applied = await runMigrations(database.url);
    console.log(applied.length ? `Angewendet: ${applied.join(', ')}` : 'Die Datenbank ist auf dem neuesten Stand.');
  } finally {
    await database.embedded?.stop();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
