import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isServerRunning, readServerState, recordServerState, SERVER_STATE_FILE, writeServerState, type ServerState } from './server-state';

const deadPid = (): number =>
  Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

const STATE: ServerState = {
  pid: process.pid,
  startedAt: '2026-12-06T20:00:00.000Z',
  localUrl: 'http://localhost:3000',
  publicBaseUrl: 'http://localhost:3000',
  embeddedDatabaseUrl: 'postgres://postgres:postgres@127.0.0.1:54329/wahlsystem',
  generatedAdminPassword: 'Zufall-123',
};

describe('server state', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'wahl-state-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should be written for its owner only (0600, also over a file that was readable) and read back', () => {
    writeFileSync(join(dataDir, SERVER_STATE_FILE), '{}', { mode: 0o644 });
    writeServerState(dataDir, STATE);
    expect(statSync(join(dataDir, SERVER_STATE_FILE)).mode & 0o777).toBe(0o600);
    expect(readServerState(dataDir)).toEqual(STATE);
  });

  it('should count as absent when there is none or it is no state', () => {
    expect(readServerState(dataDir)).toBeUndefined();
    writeFileSync(join(dataDir, SERVER_STATE_FILE), 'kein JSON');
    expect(readServerState(dataDir)).toBeUndefined();
  });

  it('should tell a running server from a stale file whose process is gone', () => {
    expect(isServerRunning(STATE)).toBe(true);
    expect(isServerRunning({ ...STATE, pid: deadPid() })).toBe(false);
  });

  const start = { localUrl: 'http://localhost:3001', publicBaseUrl: 'https://wahlen.example.de' };

  it('should keep the password generated on an earlier start', () => {
    writeServerState(dataDir, { ...STATE, pid: deadPid() });
    expect(recordServerState(dataDir, { ...start, embeddedDatabaseUrl: STATE.embeddedDatabaseUrl })).toMatchObject({
      pid: process.pid,
      localUrl: 'http://localhost:3001',
      generatedAdminPassword: 'Zufall-123',
    });
    expect(readServerState(dataDir)?.pid).toBe(process.pid);
  });

  it('should leave a live server’s embedded database entry alone when it runs on DATABASE_URL itself', async () => {
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      writeServerState(dataDir, { ...STATE, pid: other.pid! });
      recordServerState(dataDir, start);
      expect(readServerState(dataDir)).toMatchObject({ pid: other.pid, embeddedDatabaseUrl: STATE.embeddedDatabaseUrl });
    } finally {
      other.kill();
      await new Promise((done) => other.once('exit', done));
    }
    recordServerState(dataDir, start);
    expect(readServerState(dataDir)?.pid).toBe(process.pid);
    expect(readServerState(dataDir)?.embeddedDatabaseUrl).toBeUndefined();
  });
});
