import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from './create-app';
import { DemoSeedService, type DemoSeedOutcome } from './modules/demo/demo-seed.service';
import { ensureAdmin } from './modules/identity/admin-bootstrap';
import { Database } from './platform/database/database';
import { ConfigError, loadAppConfig, type AppConfig } from './platform/config/app-config';
import { provideDatabase } from './platform/database/database-runtime';
import { runMigrations } from './platform/database/run-migrations';
import { createLogger } from './platform/logging/logger';
import { terminalDestination } from './platform/logging/terminal-lines';
import { isLoopbackUrl } from './platform/config/public-address';
import { applyHttpTimeouts } from './platform/runtime/http-timeouts';
import { recordServerState } from './platform/runtime/server-state';
import { loopbackWarning, startBannerLines } from './platform/runtime/start-banner';

function readConfig(): AppConfig {
  try {
    return loadAppConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Konfigurationsfehler: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const terminal = config.logFormat === 'terminal' || (config.logFormat === 'auto' && process.stdout.isTTY);
  const logger = createLogger(config.logLevel, terminal ? terminalDestination(process.stdout) : undefined);
  const database = await provideDatabase(config, (line) => logger.info(line));
  const embeddedDatabaseUrl = database.embedded ? database.url : undefined;
  // From here on the tools beside the server use its database, also while it migrates and seeds.
  const known = { publicBaseUrl: config.publicBaseUrl, embeddedDatabaseUrl };
  recordServerState(config.dataDir, { ...known, localUrl: `http://localhost:${config.port}` });
  // In the embedded default the schema is brought up to date on start; deployments run db:migrate.
  if (database.embedded) {
    const applied = await runMigrations(database.url);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  const app = await createApp(config, database.url, logger);
  // Lifecycle hooks first: the demo seed imports through the job queue, whose workers start with them.
  await app.init();
  const admin = await ensureAdmin(app.get(Database), config.adminPassword);
  // After migrations: the demo town on a fresh database (WAHL_SEED_DEMO; default with the embedded database).
  const demo: DemoSeedOutcome | undefined = config.seedDemo ? await app.get(DemoSeedService).seedIfEmpty() : undefined;

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    await app.close();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  applyHttpTimeouts(app.getHttpServer());
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const state = recordServerState(config.dataDir, {
    ...known,
    localUrl: `http://localhost:${port}`,
    generatedAdminPassword: admin.generatedPassword,
    demo: demo?.signIns.length ? { town: demo.town, signIns: demo.signIns } : undefined,
  });
  if (isLoopbackUrl(config.publicBaseUrl)) logger.warn(loopbackWarning(config.publicBaseUrl));
  const banner = [
    '',
    'Wahlsystem läuft.',
    ...startBannerLines(state, { showPasswords: process.stdout.isTTY }),
    '',
    '  Diese Angaben wieder anzeigen: npm run info',
  ];
  // Piped, stdout carries only JSON log lines (a collector parses each); the banner goes to stderr then.
  (process.stdout.isTTY ? process.stdout : process.stderr).write(banner.join('\n') + '\n\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
