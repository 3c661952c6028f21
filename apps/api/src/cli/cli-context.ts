import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import type { AppConfig } from '../platform/config/app-config';
import { attachDatabase, type DatabaseRuntime } from '../platform/database/database-runtime';
import { runMigrations } from '../platform/database/run-migrations';

export type CliContext = {
  readonly app: INestApplicationContext;
  readonly close: () => Promise<void>;
};

/**
 * The application's services without an HTTP server, on DATABASE_URL, the embedded database of a
 * server running on the same data folder, or an embedded database of its own (migrated like on start).
 */
export async function openCliContext(config: AppConfig, databaseUrl?: string): Promise<CliContext> {
  let database: DatabaseRuntime;
  try {
    database = databaseUrl ? { url: databaseUrl, embedded: undefined } : await attachDatabase(config, () => undefined);
  } catch (error) {
    throw new Error(`Keine Datenbank: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}.`);
  }
  if (database.embedded) await runMigrations(database.url);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), { logger: ['error', 'warn'] });
  return {
    app,
    close: async () => {
      await app.close();
      await database.embedded?.stop();
    },
  };
}
