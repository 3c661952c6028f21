import type { DestinationStream } from 'pino';
import { prettyFactory } from 'pino-pretty';

// pino writes one JSON object per line; in a terminal a person reads one short line per entry instead.
// pino-pretty formats it; we only say what a request line shows (method, path, status, duration).

type LogEntry = Record<string, unknown> & {
  readonly req?: { readonly method?: string; readonly path?: string };
  readonly res?: { readonly statusCode?: number };
  readonly responseTime?: number;
  readonly context?: string;
};

const message = (entry: LogEntry, messageKey: string): string => {
  if (entry.req && entry.res) {
    return `${entry.req.method ?? ''} ${entry.req.path ?? ''} ${entry.res.statusCode ?? ''} ${entry.responseTime ?? '?'} ms`;
  }
  const text = typeof entry[messageKey] === 'string' ? (entry[messageKey] as string) : '';
  return entry.context ? `[${entry.context}] ${text}` : text;
};

/** One log entry (a pino JSON line) as a line for people: time, level, message or `GET /path 200 3 ms`, other fields. */
export const terminalLine = (colorize = false): ((json: string) => string) =>
  prettyFactory({
    colorize,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'req,res,responseTime,context',
    messageFormat: (entry, messageKey) => message(entry as LogEntry, messageKey),
  });

/** A pino destination that turns each JSON line into a terminal line on `out`. */
export function terminalDestination(out: { write(text: string): unknown; isTTY?: boolean }): DestinationStream {
  const format = terminalLine(out.isTTY === true);
  return { write: (json: string) => out.write(format(json)) };
}
