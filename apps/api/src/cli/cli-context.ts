import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import type { AppConfig } from '../platform/config/app-config';
import { provideDatabase, type DatabaseRuntime } from '../platform/database/database-runtime';
import { runMigrations } from '../platform/database/run-migrations';

export type CliContext = {
  readonly app: INestApplicationContext;
  readonly close: () => Promise<void>;
};

/**
 * The application's services without an HTTP server, on DATABASE_URL or the embedded database
 * (migrated like on start). Only one process can run the embedded database of a data folder: with
 * `npm start` running, point DATABASE_URL at it instead.
 */
export async function openCliContext(config: AppConfig, databaseUrl?: string): Promise<CliContext> {
  let database: DatabaseRuntime;
  try {
    database = databaseUrl ? { url: databaseUrl, embedded: undefined } : await provideDatabase(config, () => undefined);
  } catch (error) {
    const hint = config.databaseUrl
      ? ''
      : ` Läuft der Server bereits mit der eingebetteten Datenbank? Dann DATABASE_URL=postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/wahlsystem setzen.`;
    throw new Error(`Keine Datenbank: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}.${hint}`);
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
