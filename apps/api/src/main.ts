import 'reflect-metadata';
import { createApp } from './create-app';
import { DemoSeedService, type DemoSeedOutcome } from './modules/demo/demo-seed.service';
import { ensureAdmin } from './modules/identity/admin-bootstrap';
import { Database } from './platform/database/database';
import { ConfigError, loadAppConfig, type AppConfig } from './platform/config/app-config';
import { provideDatabase } from './platform/database/database-runtime';
import { runMigrations } from './platform/database/run-migrations';
import { createLogger } from './platform/logging/logger';

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
  const logger = createLogger(config.logLevel);
  const database = await provideDatabase(config, (line) => logger.info(line));
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

  await app.listen(config.port, config.host);
  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    'Wahlsystem läuft.',
    `  Ergebnisseite (öffentlich): ${base}/`,
    `  Wahlamt und Wahlvorstände:  ${base}/office/`,
    `  API-Dokumentation:          ${base}/api/docs`,
    `  Zustand:                    ${base}/api/health`,
  ];
  if (admin.generatedPassword) {
    lines.push('', `  Erste Anmeldung: Benutzer "admin", Passwort "${admin.generatedPassword}" (nur jetzt angezeigt;`);
    lines.push('  mit WAHL_ADMIN_PASSWORD selbst festlegen)');
  }
  if (demo?.signIns.length) {
    lines.push('', `  Demo: ${demo.town} (fiktiv), Anmeldung unter ${base}/office/:`);
    for (const user of demo.signIns) lines.push(`    ${user.label}: Benutzer "${user.username}", Passwort "${user.password}"`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
