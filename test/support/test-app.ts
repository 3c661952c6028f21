import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/create-app';
import { ensureAdmin } from '../../apps/api/src/modules/identity/admin-bootstrap';
import { Database } from '../../apps/api/src/platform/database/database';
import { loadAppConfig, type AppConfig } from '../../apps/api/src/platform/config/app-config';
import { createLogger } from '../../apps/api/src/platform/logging/logger';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_ADMIN_PASSWORD = 'test-admin-password';

export type TestApp = {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly database: TestDatabase;
  readonly dataSource: DataSource;
  readonly config: AppConfig;
  readonly close: () => Promise<void>;
};

/**
 * The whole application on its own fresh database (or on `database`, migrated), listening on a free
 * port of 127.0.0.1. Closing it drops the database.
 */
export async function startTestApp(env: Record<string, string> = {}, givenDatabase?: TestDatabase): Promise<TestApp> {
  const database = givenDatabase ?? (await createTestDatabase());
  const config = loadAppConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: database.url, ...env });
  const app = await createApp(config, database.url, createLogger(config.logLevel));
  await app.listen(0, '127.0.0.1');
  const dataSource = app.get(DataSource);
  await ensureAdmin(app.get(Database), TEST_ADMIN_PASSWORD);
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    database,
    dataSource,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export type SecondApp = { readonly app: NestExpressApplication; readonly baseUrl: string };

/** Another API process on `first`'s database, as a second instance behind a balancer; `env` e.g. its REDIS_URL. */
export async function startSecondApp(first: TestApp, env: Record<string, string> = {}): Promise<SecondApp> {
  const config = loadAppConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: first.database.url, ...env });
  const app = await createApp(config, first.database.url, createLogger(config.logLevel));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}
