import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../apps/api/src/platform/config/app-config';
import { inspectDatabase } from '../../apps/api/src/platform/database/backup/backup.repository';
import { backupDatabase, restoreDatabase } from '../../apps/api/src/platform/database/backup/backup';
import { BackupError } from '../../apps/api/src/platform/database/backup/pg-tools';
import { attachDatabase, type DatabaseRuntime } from '../../apps/api/src/platform/database/database-runtime';
import { runMigrations } from '../../apps/api/src/platform/database/run-migrations';
import { POLLING_0101, POSTAL_0191, signInBoard, workedExampleElection } from '../support/election-night';
import { login, type HttpClient } from '../support/http';
import { createOfficeWithStaff, STAFF_PASSWORD } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';
import { createDatabaseOn, createTestDatabase, type TestDatabase } from '../support/test-database';

// `npm run db:backup` / `db:restore` (issue #17, "Backups"). pg_dump refuses a server newer than
// itself, so the round trip runs on a PostgreSQL whose version the installed client tools match:
// BACKUP_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres), skipped without it.
const BACKUP_SERVER_URL = process.env['BACKUP_TEST_DATABASE_URL'];
if (!BACKUP_SERVER_URL) console.warn('backup: BACKUP_TEST_DATABASE_URL is not set – the backup and restore round trip is skipped.');

/** `env` as the CLI sees it: DATABASE_URL (a logical backup), or WAHL_DATA_DIR (the embedded database). */
const runCli = (command: 'backup' | 'restore', args: readonly string[], env: Record<string, string>) => {
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/backup.ts', command, ...args], {
    env: { ...inherited, ...env },
  });
};

/** The CLI's exit code and both streams, also when it fails. */
async function cli(command: 'backup' | 'restore', args: readonly string[], env: Record<string, string>) {
  try {
    return { code: 0, ...(await runCli(command, args, env)) };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
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

describe('the database the backup tools use', () => {
  it('should start the embedded database when none runs and use the running one of `npm start` otherwise', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wahl-backup-attach-'));
    chmodSync(dataDir, 0o755); // as root the server runs as the OS user postgres, which must reach its folder
    const port = await freePort();
    const started = await attachDatabase(loadAppConfig({ WAHL_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) }), () => undefined);
    try {
      expect(started.embedded).toBeDefined();
      expect(new URL(started.url).port).toBe(String(port));
      // A second tool finds the running server by its postmaster.pid, whatever port its own settings name.
      const beside = await attachDatabase(loadAppConfig({ WAHL_DATA_DIR: dataDir, EMBEDDED_PG_PORT: '1' }), () => undefined);
      expect(beside.embedded).toBeUndefined();
      expect(beside.url).toBe(started.url);
      expect((await inspectDatabase(beside.url)).name).toBe('wahlsystem');
    } finally {
      await started.embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * A PG_BIN_DIR whose pg_dump and pg_restore report `version` and list an archive "dumped from"
 * `dumpedFrom`: the checks before any real tool runs, on whatever server the test run has.
 */
function standInTools(parent: string, version: string, dumpedFrom: string): string {
  const dir = mkdtempSync(join(parent, 'bin-'));
  for (const tool of ['pg_dump', 'pg_restore']) {
    const script = [
      '#!/bin/sh',
      `if [ "$1" = --version ]; then echo "${tool} (PostgreSQL) ${version}"; exit 0; fi`,
      `if [ "$1" = --list ]; then echo ";     Dumped from database version: ${dumpedFrom}"; exit 0; fi`,
      'echo "restore ran" >&2; exit 3',
    ];
    writeFileSync(join(dir, tool), `${script.join('\n')}\n`, { mode: 0o755 });
  }
  return dir;
}

describe('the checks before pg_dump or pg_restore run', () => {
  let database: TestDatabase;
  let serverMajor: number;
  let tables: number;
  const folder = mkdtempSync(join(tmpdir(), 'wahl-backup-checks-'));
  const file = join(folder, 'sicherung.dump');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ serverMajor, tables } = await inspectDatabase(database.url));
    writeFileSync(file, 'PGDMP');
  });
  afterAll(async () => {
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('should refuse client tools older than the server in German, naming both versions and what to install', async () => {
    const pgBinDir = standInTools(folder, `${serverMajor - 1}.9`, `${serverMajor}.1`);
    const refused = await backupDatabase({ url: database.url, file: join(folder, 'neu.dump'), pgBinDir }).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(BackupError);
    expect(String(refused)).toContain(
      `pg_dump ${serverMajor - 1} (${pgBinDir}/pg_dump) passt nicht zum Datenbankserver PostgreSQL ${serverMajor}.`,
    );
    expect(String(refused)).toContain(`postgresql-client-${serverMajor}`);
    expect(existsSync(join(folder, 'neu.dump'))).toBe(false);
    await expect(restoreDatabase({ url: database.url, file, force: true, pgBinDir })).rejects.toThrow(/^pg_restore \d+ .* passt nicht/);
  });

  it('should say where it looked when a tool is missing', async () => {
    await expect(backupDatabase({ url: database.url, file: join(folder, 'neu.dump'), pgBinDir: '/nonexistent/bin' })).rejects.toThrow(
      /^pg_dump wurde im Ordner \/nonexistent\/bin \(PG_BIN_DIR\) nicht gefunden\. Bitte die Client-Programme von PostgreSQL \d+/,
    );
  });

  it('should refuse a backup of a newer server, and a non-empty database without --force, before restoring anything', async () => {
    const newer = standInTools(folder, `${serverMajor + 1}.0`, `${serverMajor + 1}.0`);
    await expect(restoreDatabase({ url: database.url, file, force: true, pgBinDir: newer })).rejects.toThrow(
      `Die Sicherung stammt von PostgreSQL ${serverMajor + 1}, die Zieldatenbank läuft auf PostgreSQL ${serverMajor}`,
    );
    const same = standInTools(folder, `${serverMajor}.0`, `${serverMajor}.0`);
    await expect(restoreDatabase({ url: database.url, file, force: false, pgBinDir: same })).rejects.toThrow(
      `ist nicht leer (${tables} Tabellen). Die Wiederherstellung ersetzt ihren Inhalt: mit --force bestätigen`,
    );
    // With --force the (stand-in) pg_restore runs and fails: reported in German, its words quoted.
    await expect(restoreDatabase({ url: database.url, file, force: true, pgBinDir: same })).rejects.toThrow(
      'pg_restore ist fehlgeschlagen; die Datenbank ist unverändert (alles oder nichts). Meldung von pg_restore: restore ran',
    );
  });
});

/** What a restore must bring back of an election: its totals and its audit chain, verified by the audit module. */
const electionState = async (clerk: HttpClient, electionId: string, districtId: string) => ({
  totals: (await clerk.get(`/api/elections/${electionId}/totals?area=municipality`)).body,
  district: (await clerk.get(`/api/elections/${electionId}/totals?area=${districtId}`)).body,
  verdict: (await clerk.get(`/api/elections/${electionId}/audit/verify`)).body,
  audit: (await clerk.get(`/api/elections/${electionId}/audit?limit=1000`)).body,
});

type ElectionNight = { electionId: string; district0101: string; clerkName: string; state: Awaited<ReturnType<typeof electionState>> };

/** DOMAIN.md 4.3 on `app`: 0101 entered by one board member and approved by another; 0191 by two postal board members. */
async function electionNight(app: TestApp): Promise<ElectionNight> {
  const office = await createOfficeWithStaff(app, '08999301', 'Sicherungsstadt');
  const imported = await office.clerk.post('/api/elections', workedExampleElection('08999301', 'Sicherungsstadt'));
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const electionId: string = imported.body.id;
  const rows = await app.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId]);
  const districts = Object.fromEntries(rows.map((row: { id: string; number: string }) => [row.number, row.id]));
  const generated = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
  const codes = Object.fromEntries(generated.body.codes.map((code: any) => [code.districts[0].number, code.code]));
  for (const [number, report] of [
    ['0101', POLLING_0101],
    ['0191', POSTAL_0191],
  ] as const) {
    const author = await signInBoard(app.baseUrl, codes[number], `Eingabe ${number}`);
    const confirmer = await signInBoard(app.baseUrl, codes[number], `Bestätigung ${number}`);
    const url = `/api/elections/${electionId}/districts/${districts[number]}/reports`;
    const entered = await author.client.post(url, { ...report, expectedVersion: 0 }, { 'idempotency-key': randomUUID() });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const approved = await confirmer.client.post(`${url}/1/approve`, {}, { 'idempotency-key': randomUUID() });
    expect(approved.body).toMatchObject({ state: 'confirmed' });
  }
  const state = await electionState(office.clerk, electionId, districts['0101']);
  // The worked example's known answer: 820 + 260 voters of 1,500 eligible, and an intact chain.
  expect(state.totals).toMatchObject({ reported: 2, voters: 820 + 260, eligible: 1500, turnout: { percent: 72 } });
  expect(state.verdict).toMatchObject({ valid: true, pending: 0 });
  expect(state.verdict.entries).toBeGreaterThanOrEqual(8);
  return { electionId, district0101: districts['0101'], clerkName: 'u08999301-clerk', state };
}

describe.skipIf(!BACKUP_SERVER_URL)('backup and restore on a real PostgreSQL', () => {
  let folder: string;
  let backupFile: string;
  let source: TestApp;
  let restored: TestApp | undefined;
  let night: ElectionNight;
  const empties: TestDatabase[] = [];

  const emptyDatabase = async (): Promise<TestDatabase> => {
    const database = await createDatabaseOn(BACKUP_SERVER_URL!);
    empties.push(database);
    return database;
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'wahl-backup-'));
    backupFile = join(folder, 'nacht.dump');
    const database = await createDatabaseOn(BACKUP_SERVER_URL!);
    await runMigrations(database.url);
    source = await startTestApp({}, database);
    night = await electionNight(source);
  }, 120_000);

  afterAll(async () => {
    await restored?.close();
    await source?.close();
    for (const database of empties) await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('should write the backup beside the running server, readable by its owner only, with one summary line', async () => {
    const result = await cli('backup', [backupFile], { DATABASE_URL: source.database.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(
      /^Sicherung geschrieben: .*nacht\.dump \(.* KB, Datenbank „wahl_test_\w+“, PostgreSQL \d+\.\d+, \d+ Tabellen/,
    );
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);
  });

  it('should not overwrite an existing file', async () => {
    const again = await cli('backup', [backupFile], { DATABASE_URL: source.database.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('gibt es schon');
  });

  it('should restore into a fresh database with the same totals and an intact, identical audit chain', async () => {
    const target = await emptyDatabase();
    const result = await cli('restore', [backupFile], { DATABASE_URL: target.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^Wiederhergestellt: .*nacht\.dump → Datenbank „wahl_test_\w+“ \(PostgreSQL [\d.]+, \d+ Tabellen; /);
    empties.splice(empties.indexOf(target), 1);
    restored = await startTestApp({}, target);
    const clerk = await login(restored.baseUrl, night.clerkName, STAFF_PASSWORD);
    // The audit module's own verification (hash chain and head) on the restored rows.
    expect(await electionState(clerk, night.electionId, night.district0101)).toEqual(night.state);
  });

  it('should refuse to restore over a database in use, and over a non-empty one without --force', async () => {
    const busy = await cli('restore', [backupFile, '--force'], { DATABASE_URL: restored!.database.url });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/wird gerade benutzt .*Bitte den Server zuerst beenden/);
    const url = restored!.database.url;
    await restored!.app.close();
    const notEmpty = await restoreDatabase({ url, file: backupFile, force: false }).catch((error: Error) => error);
    expect(String(notEmpty)).toMatch(/ist nicht leer \(\d+ Tabellen\).*mit --force bestätigen/);
    const replaced = await restoreDatabase({ url, file: backupFile, force: true });
    expect(replaced).toMatchObject({ replaced: true });
    expect(replaced.tables).toBe((await inspectDatabase(source.database.url)).tables);
  });

  it('should write nothing from a backup cut off in its table of contents or in its data, or from a file that is no backup', async () => {
    const bytes = readFileSync(backupFile);
    const cut = (name: string, length: number): string => {
      writeFileSync(join(folder, name), bytes.subarray(0, length));
      return join(folder, name);
    };
    const notABackup = join(folder, 'liste.csv');
    writeFileSync(notABackup, 'Familienname;Vornamen\nMuster;Erika\n');
    for (const [file, message] of [
      [cut('kopf.dump', 1000), /kopf\.dump ist unvollständig oder beschädigt; es wurde nichts wiederhergestellt/],
      // The last table's data breaks off: pg_restore has begun, its one transaction is rolled back.
      [
        cut('daten.dump', bytes.length - 100),
        /daten\.dump ist unvollständig oder beschädigt; die Datenbank ist unverändert \(alles oder nichts\)/,
      ],
      [notABackup, /liste\.csv ist keine lesbare Sicherung/],
    ] as const) {
      const target = await emptyDatabase();
      const result = await cli('restore', [file], { DATABASE_URL: target.url });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect((await inspectDatabase(target.url)).tables).toBe(0);
    }
  });
});

/**
 * The default installation: the embedded PostgreSQL of `npm start`, whose package has no pg_dump. A
 * base backup with the low-level API (pg_backup_start, tar, pg_backup_stop, the WAL in between),
 * restored into a fresh data directory where PostgreSQL recovers to the backup's end by itself.
 */
describe('backup and restore of the embedded database, without client tools', () => {
  const folder = mkdtempSync(join(tmpdir(), 'wahl-base-backup-'));
  chmodSync(folder, 0o755); // as root the server runs as the OS user postgres, which must reach its folders
  const sourceDir = join(folder, 'quelle');
  const targetDir = join(folder, 'ziel');
  const backupFile = join(folder, 'sicherungen', 'nacht.tar.gz');
  const env = (dataDir: string, port: number) => ({ WAHL_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) });
  const keep = async (): Promise<void> => undefined; // the test's own servers hold these databases
  let server: DatabaseRuntime;
  let source: TestApp;
  let night: ElectionNight;
  let targetPort: number;
  let restoredServer: DatabaseRuntime | undefined;
  let restored: TestApp | undefined;
  let importsDuringBackup: number;

  beforeAll(async () => {
    server = await attachDatabase(loadAppConfig(env(sourceDir, await freePort())), () => undefined);
    await runMigrations(server.url);
    source = await startTestApp({}, { url: server.url, drop: keep });
    night = await electionNight(source);
    targetPort = await freePort();
  }, 120_000);

  afterAll(async () => {
    await restored?.app.close();
    await restoredServer?.embedded?.stop();
    await source?.app.close();
    await server?.embedded?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('should back up beside the running API while it keeps writing, readable by its owner only, with one summary line', async () => {
    // A neighbouring office imports election after election the whole time: rows and audit entries change during the copy.
    const neighbour = await createOfficeWithStaff(source, '08999302', 'Nachbarstadt');
    const statuses: number[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing)
        statuses.push(
          (await neighbour.clerk.post('/api/elections', workedExampleElection('08999302', `Nachbarstadt ${statuses.length}`))).status,
        );
    })();
    // The CLI finds the running server through its postmaster.pid, whatever port its own settings name.
    const result = await cli('backup', [backupFile], env(sourceDir, 1)).finally(() => (writing = false));
    await writer;
    importsDuringBackup = statuses.length;
    expect(importsDuringBackup).toBeGreaterThan(1);
    expect(new Set(statuses)).toEqual(new Set([201]));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(
      /^Sicherung geschrieben: .*nacht\.tar\.gz \([\d,]+ MB, Datenverzeichnis des eingebetteten PostgreSQL 17\.\d+, \d+ Tabellen, \d+ WAL-Datei(en)?, nur für den Eigentümer lesbar; /,
    );
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(backupFile))).toEqual(['nacht.tar.gz']); // no partial file, no scratch folder
  }, 120_000);

  it('should restore into a fresh data directory that starts with the same totals, the identical verified audit chain and consistent writes', async () => {
    const result = await cli('restore', [backupFile], env(targetDir, targetPort));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(
      /^Wiederhergestellt: .*nacht\.tar\.gz → .*\/ziel\/postgres \(PostgreSQL 17\.\d+, \d+ Tabellen; [\d,]+ s\)\.$/m,
    );
    restoredServer = await attachDatabase(loadAppConfig(env(targetDir, targetPort)), () => undefined);
    expect(restoredServer.embedded).toBeDefined();
    restored = await startTestApp({}, { url: restoredServer.url, drop: keep });
    const clerk = await login(restored.baseUrl, night.clerkName, STAFF_PASSWORD);
    expect(await electionState(clerk, night.electionId, night.district0101)).toEqual(night.state);
    // The neighbour's imports up to the backup's end, each whole, each chain intact (the audit module verifies).
    const neighbour = await login(restored.baseUrl, 'u08999302-clerk', STAFF_PASSWORD);
    const elections: { id: string }[] = (await neighbour.get('/api/elections')).body;
    expect(elections.length).toBeGreaterThan(0);
    expect(elections.length).toBeLessThanOrEqual(importsDuringBackup);
    for (const election of elections)
      expect((await neighbour.get(`/api/elections/${election.id}/audit/verify`)).body).toMatchObject({ valid: true, pending: 0 });
  }, 120_000);

  it('should refuse a data directory in use or not empty, a cut-off archive and a file that is no backup, writing nothing', async () => {
    const busy = await cli('restore', [backupFile, '--force'], env(targetDir, targetPort));
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/läuft gerade der Datenbankserver\. Bitte den Server \(npm start\) zuerst beenden/);
    await restored!.app.close();
    restored = undefined;
    await restoredServer!.embedded!.stop();
    restoredServer = undefined;
    const notEmpty = await cli('restore', [backupFile], env(targetDir, targetPort));
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/ziel\/postgres ist nicht leer\. Die Wiederherstellung ersetzt seinen Inhalt: mit --force bestätigen/);

    const bytes = readFileSync(backupFile);
    const cut = join(folder, 'abgeschnitten.tar.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.9)));
    const csv = join(folder, 'liste.csv');
    writeFileSync(csv, 'Familienname;Vornamen\nMuster;Erika\n');
    const foreign = join(folder, 'fremd.tar.gz');
    mkdirSync(join(folder, 'fremd'));
    writeFileSync(join(folder, 'fremd', 'PG_VERSION'), '17\n');
    await promisify(execFile)('tar', ['--create', '--gzip', `--file=${foreign}`, `--directory=${join(folder, 'fremd')}`, '.']);
    for (const [file, message] of [
      [cut, /abgeschnitten\.tar\.gz ist unvollständig oder beschädigt; es wurde nichts wiederhergestellt/],
      [csv, /liste\.csv ist keine lesbare Sicherung/],
      [foreign, /fremd\.tar\.gz ist keine Sicherung eines Datenverzeichnisses von db:backup/],
    ] as const) {
      const fresh = mkdtempSync(join(folder, 'leer-'));
      const refused = await cli('restore', [file], env(fresh, targetPort));
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(message);
      expect(readdirSync(fresh)).toEqual([]);
    }
  }, 120_000);

  it('should replace a stopped data directory with --force', async () => {
    const result = await cli('restore', [backupFile, '--force'], env(targetDir, targetPort));
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/→ .*\/ziel\/postgres \(PostgreSQL 17\.\d+, \d+ Tabellen, bisheriger Inhalt ersetzt; /);
    expect(readdirSync(targetDir)).toEqual(['postgres']);
  }, 120_000);
});
