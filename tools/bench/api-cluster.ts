import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../apps/api/src/platform/database/embedded-postgres';
import { freePort, sleep } from './bench-support';

// Several API processes (the built server, as `npm start` runs it) on one private embedded
// PostgreSQL, for the benches that measure more than one process (bench:live, bench:land).

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const children: ChildProcess[] = [];

/** True if a TCP connection to the URL's host and port opens within a second (e.g. Redis). */
export function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

export type SharedDatabase = { readonly url: string; readonly stop: () => Promise<void> };

/** An embedded PostgreSQL in a temporary folder with one migrated database. */
export async function startSharedDatabase(prefix: string): Promise<SharedDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  const stop = async () => {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const admin = new Client({ connectionString: postgres.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE wahl_bench');
    await admin.end();
    const url = postgres.url('wahl_bench');
    const migrated = spawnSync(process.execPath, [join(ROOT, 'dist/apps/api/apps/api/src/cli/migrate.js')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'ignore',
    });
    if (migrated.status !== 0) throw new Error('migrations failed');
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export type ApiProcess = { readonly url: string; readonly child: ChildProcess };

/** Starts the built API on a free port and waits for its health check. `nodeArgs`, e.g. `--cpu-prof`, profile it. */
export async function startApi(options: {
  databaseUrl: string;
  adminPassword: string;
  redisUrl?: string;
  nodeArgs?: readonly string[];
  /** A folder for the process's log (warn and above, JSON lines) as api-<port>.log; discarded without. */
  logDir?: string;
}): Promise<ApiProcess> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    WAHL_ADMIN_PASSWORD: options.adminPassword,
    WAHL_SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    REDIS_URL: options.redisUrl ?? '',
  };
  const log = options.logDir ? openSync(join(options.logDir, `api-${port}.log`), 'a') : 'ignore';
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], { cwd: ROOT, env, stdio: ['ignore', log, 'inherit'] });
  if (typeof log === 'number') closeSync(log);
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error('API did not start within 60 s');
}

// pino's numeric levels: 50 error, 60 fatal.
const ERROR_LEVEL = 50;

/** The error and fatal lines of the API logs in `logDir`, each prefixed with its file's name. */
export function apiErrorLines(logDir: string): string[] {
  if (!existsSync(logDir)) return [];
  return readdirSync(logDir)
    .filter((name) => name.endsWith('.log'))
    .flatMap((name) =>
      readFileSync(join(logDir, name), 'utf8')
        .split('\n')
        .filter((line) => {
          try {
            return ((JSON.parse(line) as { level?: number }).level ?? 0) >= ERROR_LEVEL;
          } catch {
            return line.trim() !== ''; // not a JSON log line: a crash's output, kept
          }
        })
        .map((line) => `${name}: ${line}`),
    );
}

/** Registers a further child process (e.g. a client process) for `stopAll`. */
export const track = (child: ChildProcess): ChildProcess => {
  children.push(child);
  return child;
};

/** SIGTERM, then up to 10 s for the process to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
}

/** Stops every API and client process started through this module. */
export const stopAll = (): Promise<unknown> => Promise.all(children.map(stop));
