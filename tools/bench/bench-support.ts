import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

// Helpers shared by the npm run bench:* scripts.

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** The p-th percentile of ascending values (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

// CPU seconds (user + system) of the API process and of every process below it (the embedded
// PostgreSQL), from /proc: on a busy shared host these say more than wall-clock rates.
const TICKS_PER_SECOND = 100;
export function processTreeCpuSeconds(root: number): { api: number; database: number } {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const below = (pid: number): boolean => {
    for (let current = stats.get(pid)?.parent; current !== undefined && current > 1; current = stats.get(current)?.parent)
      if (current === root) return true;
    return false;
  };
  let database = 0;
  for (const [pid, { ticks }] of stats) if (below(pid)) database += ticks;
  return { api: (stats.get(root)?.ticks ?? 0) / TICKS_PER_SECOND, database: database / TICKS_PER_SECOND };
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; null elsewhere or once it ended). */
export function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU seconds the processes have used together (null if any of them cannot be read). */
export function cpuSecondsOfAll(pids: readonly (number | undefined)[]): number | null {
  const values = pids.map(cpuSecondsOf);
  return values.some((value) => value === null) ? null : values.reduce<number>((sum, value) => sum + value!, 0);
}
