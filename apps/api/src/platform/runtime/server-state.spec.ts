import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isServerRunning, readServerState, SERVER_STATE_FILE, writeServerState, type ServerState } from './server-state';

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
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    expect(isServerRunning({ ...STATE, pid: Number(gone.stdout) })).toBe(false);
  });
});
