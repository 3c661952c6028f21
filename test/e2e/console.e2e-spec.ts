import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerState, SERVER_STATE_FILE, type ServerState } from '../../apps/api/src/platform/runtime/server-state';
import { freePort, hasScript, inTerminal, runShell } from '../support/processes';

// Issue #18, the console: the operator's tools beside a real `npm start` process (the built server on
// its own embedded PostgreSQL and data folder): `npm run cli` finds the running database, `npm run info`
// repeats the banner, logs are JSON when piped, and the banner warns of a loopback PUBLIC_BASE_URL.

const MAIN = 'dist/apps/api/apps/api/src/main.js';

describe('the console beside a running server', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let port: number;
  let server: ChildProcess;
  /** Piped: the JSON log lines on stdout, the banner on stderr. */
  let stdout = '';
  let stderr = '';
  let exited: Promise<number | null>;

  const state = (): ServerState => readServerState(dataDir)!;
  /** A sign-in on a connection of its own: a kept-alive one may have just been closed by the busy server. */
  const signInStatus = (username: string, password: string): Promise<number> =>
    new Promise((done, fail) => {
      const body = JSON.stringify({ username, password });
      const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
      const request = httpRequest(
        { host: '127.0.0.1', port, path: '/api/auth/login', method: 'POST', agent: false, headers },
        (response) => {
          response.resume();
          done(response.statusCode ?? 0);
        },
      );
      request.on('error', fail);
      request.end(body);
    });
  const demoElectionId = async (): Promise<string> => {
    const client = new Client({ connectionString: state().embeddedDatabaseUrl });
    await client.connect();
    try {
      return (await client.query<{ id: string }>('SELECT id FROM elections LIMIT 1')).rows[0]!.id;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    expect(runShell('npx nx run api:build --outputStyle=static').status).toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'wahl-console-'));
    chmodSync(dataDir, 0o755); // As root the embedded PostgreSQL runs as the user postgres.
    port = await freePort();
    env = { WAHL_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(await freePort()) };
    const inherited: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete inherited['DATABASE_URL'];
    server = spawn(process.execPath, [MAIN], { env: inherited, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    exited = new Promise((done) => server.on('exit', (code) => done(code)));
    const started = Date.now();
    while (!stderr.includes('npm run info')) {
      if (server.exitCode !== null || Date.now() - started > 240_000) throw new Error(`the server did not start:\n${stdout}\n${stderr}`);
      await new Promise((done) => setTimeout(done, 500));
    }
  }, 300_000);

  afterAll(async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should write its state for the tools beside it, readable by its own user only', () => {
    expect(statSync(join(dataDir, SERVER_STATE_FILE)).mode & 0o777).toBe(0o600);
    expect(state()).toMatchObject({ pid: server.pid, localUrl: `http://localhost:${port}` });
    expect(new URL(state().embeddedDatabaseUrl!).port).toBe(env['EMBEDDED_PG_PORT']);
  });

  it('should run `npm run cli` on the running server’s embedded database without any setting', async () => {
    const electionId = await demoElectionId();
    const built = runShell(`npm run cli -- roll build --election ${electionId}`, env);
    expect(built.stderr).not.toContain('Keine Datenbank');
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/Wählerverzeichnis gebaut: [\d.]+ Wahlberechtigte/);
  }, 120_000);

  it('should run `npm run db:migrate` on it as well', () => {
    const migrated = runShell('npm run db:migrate', env);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('Die Datenbank ist auf dem neuesten Stand.');
  }, 120_000);

  it('should explain itself with `npm run cli -- --help`', () => {
    const help = runShell('npm run -s cli -- --help', env);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('npm run cli -- roll build --election ID');
  }, 60_000);

  it('should log one JSON object per line, and nothing else, on stdout when it is piped', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    const entries = (): { req?: { path?: string }; res?: { statusCode?: number } }[] =>
      stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { req?: { path?: string }; res?: { statusCode?: number } });
    await expect.poll(() => entries().find((entry) => entry.req?.path === '/api/health')).toMatchObject({ res: { statusCode: 200 } });
    expect(JSON.stringify(entries())).toMatch(/"level":40,.*PUBLIC_BASE_URL/);
  });

  it('should print the addresses and warn that the printed links point to this machine, passwords not in piped output', () => {
    expect(stderr).toContain(`Wahlamt und Wahlvorstände:  http://localhost:${port}/office/`);
    expect(stderr).toMatch(/Achtung: Links auf Zugangscode-Bögen und Wahlbenachrichtigungen führen auf http:\/\/localhost:\d+/);
    expect(stderr).toContain(`Benutzer "admin", Passwort nur im Terminal: npm run info`);
    expect(stdout + stderr).not.toContain(state().generatedAdminPassword);
  });

  it('should repeat the banner with `npm run info`, the generated password only in a terminal', async () => {
    const piped = runShell('npm run info', env);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain(`Wahlsystem läuft (seit`);
    expect(piped.stdout).toContain(`Ergebnisseite (öffentlich): http://localhost:${port}/`);
    expect(piped.stdout).toContain('Achtung: Links auf Zugangscode-Bögen');
    expect(piped.stdout).not.toContain(state().generatedAdminPassword);
    if (!hasScript) return;
    const terminal = runShell(inTerminal('npm run info'), env);
    const password = /Benutzer "admin", Passwort "([^"]+)"/.exec(terminal.stdout)?.[1];
    expect(password).toBeDefined();
    expect(await signInStatus('admin', password!)).toBe(200);
  }, 60_000);

  it('should start a database of its own when the state file is stale (the server is gone)', async () => {
    const electionId = await demoElectionId();
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(runShell('npm run info', env).stdout).toContain('Wahlsystem läuft nicht; Angaben vom letzten Start');
    const built = runShell(`npm run cli -- roll build --election ${electionId}`, env);
    expect(built.status).toBe(0);
    expect(built.stdout).toContain('Wählerverzeichnis gebaut');
  }, 120_000);

  it.skipIf(!hasScript)(
    'should log one short line per request and show the passwords when its output is a terminal',
    async () => {
      const generated = state().generatedAdminPassword!;
      // The same data folder again (the server above has stopped), now in a pseudo-terminal; its own process group.
      const inherited: NodeJS.ProcessEnv = { ...process.env, ...env };
      delete inherited['DATABASE_URL'];
      const tty = spawn('sh', ['-c', inTerminal(`node ${MAIN}`)], { env: inherited, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
      let seen = '';
      tty.stdout!.on('data', (chunk: Buffer) => (seen += chunk.toString()));
      const ended = new Promise((done) => tty.on('exit', done));
      try {
        await expect.poll(() => seen, { timeout: 120_000, interval: 500 }).toContain('npm run info');
        expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
        await expect.poll(() => seen).toMatch(/\d\d:\d\d:\d\d\] .*INFO.*: .*GET \/api\/health 200 \d+ ms/);
        expect(seen).not.toContain('{"level"');
        // Generated on the first start, kept in the state file, shown again to a person at a terminal.
        expect(seen).toContain(`Benutzer "admin", Passwort "${generated}"`);
      } finally {
        process.kill(-tty.pid!, 'SIGTERM');
        await ended;
        // The server (or, had it no time, its watchdog) stops the embedded database before the folder goes.
        await expect.poll(() => existsSync(join(dataDir, 'postgres', 'postmaster.pid')), { timeout: 30_000 }).toBe(false);
      }
    },
    180_000,
  );
});
