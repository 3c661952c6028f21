import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../apps/api/src/create-app';
import { loadAppConfig } from '../../apps/api/src/platform/config/app-config';
import {
  clearStaleLock,
  startEmbeddedPostgres,
  startWatchdog,
  type EmbeddedServer,
} from '../../apps/api/src/platform/database/embedded-postgres';
import { runMigrations } from '../../apps/api/src/platform/database/run-migrations';
import { createLogger } from '../../apps/api/src/platform/logging/logger';

// Issue #17, finding 6: the embedded PostgreSQL is supervised (restarted when it dies, the pool
// reconnects), stopped when its parent dies, and a stale postmaster.pid does not block a start.
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

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`not within ${timeoutMs} ms`);
}

describe('embedded PostgreSQL supervision', () => {
  let dataDir: string;
  let port: number;
  let server: EmbeddedServer;
  let app: NestExpressApplication | undefined;
  let baseUrl: string;

  const pidInFile = (): number => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const health = async (): Promise<number> => {
    try {
      return (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch {
      return 0;
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wahl-supervised-pg-'));
    port = await freePort();
    server = await startEmbeddedPostgres({ dataDir, port });
    const admin = new Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE wahl');
    await admin.end();
    const url = server.url('wahl');
    await runMigrations(url);
    const config = loadAppConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: url });
    app = await createApp(config, url, createLogger(config.logLevel));
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should restart a killed postmaster, and health should recover to 200 within 30 s', async () => {
    expect(await health()).toBe(200);
    const before = pidInFile();
    expect(before).toBeGreaterThan(0);
    process.kill(before, 'SIGKILL');
    await waitFor(() => !isAlive(before), 5_000);
    const took = await waitFor(async () => (await health()) === 200, 30_000);
    expect(took).toBeLessThan(30_000);
    expect(pidInFile()).not.toBe(before);
  }, 60_000);

  it('should stop the postmaster when the process that started it is gone (watchdog)', async () => {
    await server.ready();
    const postmaster = server.pid()!;
    // A stand-in parent: the watchdog stops our postmaster once this process has died (SIGKILL, no handler runs).
    const parent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const watchdog = startWatchdog(dataDir, parent.pid!);
    try {
      await new Promise((done) => setTimeout(done, 1_000));
      expect(isAlive(postmaster)).toBe(true);
      parent.kill('SIGKILL');
      await waitFor(() => !isAlive(postmaster), 10_000);
    } finally {
      watchdog.kill();
      parent.kill('SIGKILL');
    }
    // ... and the supervisor brings it back for the process that still runs.
    await waitFor(async () => (await health()) === 200, 30_000);
  }, 60_000);

  it('should start over a stale postmaster.pid whose pid is alive but no postgres of ours', async () => {
    await app?.close();
    app = undefined;
    await server.stop();
    const pidFile = join(dataDir, 'postmaster.pid');
    // The pid of this test process: alive, and not a postmaster.
    writeFileSync(pidFile, `${process.pid}\n${dataDir}\n${Math.floor(Date.now() / 1000)}\n${port}\n/tmp\n127.0.0.1\n  1234  5678\nready\n`);
    server = await startEmbeddedPostgres({ dataDir, port });
    const client = new Client({ connectionString: server.url('wahl') });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM typeorm_migrations');
    await client.end();
    expect(rows[0].n).toBeGreaterThan(0);
    expect(Number(readFileSync(pidFile, 'utf8').split('\n')[0])).toBe(server.pid());
  }, 60_000);

  it('should leave the lock of a postmaster that a running process owns', async () => {
    const pid = server.pid()!;
    await clearStaleLock(dataDir);
    expect(Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])).toBe(pid);
    expect(isAlive(pid)).toBe(true);
  });
});
