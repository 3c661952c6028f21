import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a running server tells the tools beside it (`npm run cli`, `npm run db:migrate`, `npm run info`),
 * kept in `<WAHL_DATA_DIR>/server-state.json`, readable only by its owner (mode 0600): it holds the
 * embedded database's address and the sign-ins of the start banner, including a generated password.
 * The file stays after a stop; a dead pid marks it stale.
 */
export type ServerState = {
  readonly pid: number;
  readonly startedAt: string;
  /** Where this machine's browser reaches the server. */
  readonly localUrl: string;
  /** PUBLIC_BASE_URL: the address printed on access-code sheets and polling cards. */
  readonly publicBaseUrl: string;
  /** The embedded PostgreSQL this server started; absent with DATABASE_URL. */
  readonly embeddedDatabaseUrl?: string;
  /** The password generated for `admin` on the very first start (kept until the database is new again). */
  readonly generatedAdminPassword?: string;
  readonly demo?: { readonly town: string; readonly signIns: readonly DemoSignInLine[] };
};

export type DemoSignInLine = { readonly label: string; readonly username: string; readonly password: string };

export const SERVER_STATE_FILE = 'server-state.json';

const stateFile = (dataDir: string): string => join(dataDir, SERVER_STATE_FILE);

export function readServerState(dataDir: string): ServerState | undefined {
  const file = stateFile(dataDir);
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EACCES') throw error;
    throw new Error(`${file} darf nur der Benutzer lesen, unter dem der Server läuft.`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<ServerState>;
    return typeof parsed.pid === 'number' && typeof parsed.localUrl === 'string' ? (parsed as ServerState) : undefined;
  } catch {
    return undefined; // Edited by hand into something else: as if there were none.
  }
}

/** Written atomically (a rename), created with mode 0600 so that only the server's user can read it. */
export function writeServerState(dataDir: string, state: ServerState): void {
  mkdirSync(dataDir, { recursive: true });
  const file = stateFile(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  renameSync(temporary, file);
}

/** Whether the process that wrote the state still runs (EPERM: it does, as another user). */
export function isServerRunning(state: ServerState): boolean {
  try {
    process.kill(state.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a start knows about itself; pid and start time are added. */
export type ServerStart = Omit<ServerState, 'pid' | 'startedAt'>;

/**
 * Records this process as the server of the data folder and returns its state; a password generated on
 * an earlier start is kept. A server on DATABASE_URL (a benchmark's, say) leaves the file alone while a
 * live server runs this folder's embedded database: the tools beside that one need its entry.
 */
export function recordServerState(dataDir: string, start: ServerStart): ServerState {
  const previous = readServerState(dataDir);
  const ours = previous?.pid === process.pid;
  const state: ServerState = {
    pid: process.pid,
    startedAt: ours ? previous.startedAt : new Date().toISOString(),
    ...start,
    generatedAdminPassword: start.generatedAdminPassword ?? previous?.generatedAdminPassword,
  };
  const anotherRunsTheEmbeddedDatabase = !ours && previous?.embeddedDatabaseUrl !== undefined && isServerRunning(previous);
  if (start.embeddedDatabaseUrl === undefined && anotherRunsTheEmbeddedDatabase) return state;
  writeServerState(dataDir, state);
  return state;
}
