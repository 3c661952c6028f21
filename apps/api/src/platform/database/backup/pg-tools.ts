import { execFile, spawn, type ChildProcess, type IOType } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export type PgTool = 'pg_dump' | 'pg_restore';

/** A refusal or failure of `db:backup`/`db:restore`, with a German message for the operator. */
export class BackupError extends Error {}

/** A tool's own (English) words on failure; callers turn them into a German BackupError. */
export class ToolFailed extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}

const installHint = (major: number): string =>
  `Bitte die Client-Programme von PostgreSQL ${major} oder neuer installieren (Debian/Ubuntu: Paket postgresql-client-${major} ` +
  `aus der Paketquelle der PostgreSQL-Entwickler) und ihren Ordner in PG_BIN_DIR angeben, z. B. PG_BIN_DIR=/usr/lib/postgresql/${major}/bin.`;

/** The major version a tool reports (`pg_dump (PostgreSQL) 17.6 …` → 17). */
export function parseToolMajor(versionLine: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  return match ? Number(match[1]) : undefined;
}

/**
 * The tool to run against a server of `serverMajor`: from binDir (PG_BIN_DIR) or PATH, and only
 * when its major version is at least the server's (pg_dump refuses newer servers; an older
 * pg_restore may not know what a newer server's dump holds).
 */
export async function checkedTool(tool: PgTool, binDir: string | undefined, serverMajor: number): Promise<string> {
  const path = binDir ? join(binDir, tool) : tool;
  let versionLine: string;
  try {
    versionLine = (await promisify(execFile)(path, ['--version'])).stdout;
  } catch {
    const where = binDir ? `im Ordner ${binDir} (PG_BIN_DIR)` : 'im Suchpfad (PATH)';
    throw new BackupError(`${tool} wurde ${where} nicht gefunden. ${installHint(serverMajor)}`);
  }
  const major = parseToolMajor(versionLine);
  if (major === undefined) throw new BackupError(`${path} meldet keine PostgreSQL-Version. ${installHint(serverMajor)}`);
  if (major < serverMajor)
    throw new BackupError(
      `${tool} ${major}${binDir ? ` (${path})` : ''} passt nicht zum Datenbankserver PostgreSQL ${serverMajor}. ${installHint(serverMajor)}`,
    );
  return path;
}

/**
 * libpq's arguments for a connection URL: the password goes through PGPASSWORD, not the command
 * line, where every user of the machine could read it.
 */
export function connectionArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

/** Runs a tool to its end; resolves with its stdout, rejects with the last lines it wrote to stderr. */
export function runTool(path: string, args: readonly string[], env: NodeJS.ProcessEnv, stdout: IOType | number = 'pipe'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(path, args, { env, stdio: ['ignore', stdout, 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const lines = Buffer.concat(err).toString('utf8').trim().split('\n').filter(Boolean);
      reject(new ToolFailed(lines.slice(-5).join('\n') || `exit ${signal ?? code}`, code));
    });
  });
}
