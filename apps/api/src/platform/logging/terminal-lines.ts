import type { DestinationStream } from 'pino';

// pino writes one JSON object per line; in a terminal a person reads one short line per entry instead.
// (pino-pretty would do this too; it is not among the dependencies and this needs a few lines only.)

const LEVELS: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const SHOWN_ELSEWHERE = new Set(['level', 'time', 'msg', 'req', 'res', 'responseTime', 'err', 'context']);

type LogEntry = {
  readonly level?: number;
  readonly time?: number;
  readonly msg?: string;
  readonly req?: { readonly method?: string; readonly path?: string };
  readonly res?: { readonly statusCode?: number };
  readonly responseTime?: number;
  readonly err?: { readonly message?: string; readonly stack?: string };
  readonly context?: string;
  readonly [key: string]: unknown;
};

const clock = (time: number | undefined): string => new Date(time ?? Date.now()).toTimeString().slice(0, 8);

/** One log entry as a line for people: time, level, then `GET /path 200 3 ms` for a request, else the message and its fields. */
export function terminalLine(entry: LogEntry): string {
  const head = `${clock(entry.time)} ${(LEVELS[entry.level ?? 30] ?? 'INFO').padEnd(5)}`;
  if (entry.req && entry.res) {
    return `${head} ${entry.req.method ?? ''} ${entry.req.path ?? ''} ${entry.res.statusCode ?? ''} ${entry.responseTime ?? '?'} ms`;
  }
  const fields = Object.entries(entry)
    .filter(([key, value]) => !SHOWN_ELSEWHERE.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const context = entry.context ? ` [${entry.context}]` : '';
  const line = [`${head}${context} ${entry.msg ?? ''}`.trimEnd(), ...fields].join(' ');
  return entry.err?.stack ? `${line}\n${entry.err.stack}` : entry.err?.message ? `${line}: ${entry.err.message}` : line;
}

/** A pino destination that turns each JSON line into a terminal line on `out`. */
export function terminalDestination(out: { write(text: string): unknown }): DestinationStream {
  return {
    write: (json: string) => {
      try {
        out.write(`${terminalLine(JSON.parse(json) as LogEntry)}\n`);
      } catch {
        out.write(json);
      }
    },
  };
}
