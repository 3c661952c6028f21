import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

// PostgreSQL COPY text format: tab between columns, newline after a row, `\N` for NULL, and a
// backslash doubled. Register values never hold a tab, newline or carriage return (the parser
// rejects control characters), so the backslash is the only character to escape.
export const COPY_NULL = '\\N';

export function copyValue(value: string): string {
  return value.includes('\\') ? value.replaceAll('\\', '\\\\') : value;
}

export function copyNullable(value: string | null): string {
  return value === null ? COPY_NULL : copyValue(value);
}

const CHUNK_BYTES = 1 << 16;
const MAX_IN_FLIGHT = 1 << 19;

/**
 * Collects formatted rows as UTF-8 in fixed 64 KB buffers. Rows are encoded as they come, so no
 * row string outlives its line (few objects survive into the old generation; the collector stays idle).
 */
export class CopyTextBuffer {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private offset = 0;
  private filled: Buffer[] = [];

  add(row: string): void {
    // At most 3 bytes per UTF-16 code unit.
    if (this.offset + row.length * 3 > this.buffer.length) {
      this.seal();
      if (row.length * 3 > this.buffer.length) {
        this.filled.push(Buffer.from(row, 'utf8'));
        return;
      }
    }
    this.offset += this.buffer.write(row, this.offset, 'utf8');
  }

  /** Rows already encoded elsewhere (a worker thread), after those added so far. */
  append(encoded: readonly Uint8Array[]): void {
    this.seal();
    for (const bytes of encoded) this.filled.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** Full buffers and the current one; the buffer starts empty again. */
  take(): Buffer[] {
    this.seal();
    const out = this.filled;
    this.filled = [];
    return out;
  }

  private seal(): void {
    if (this.offset === 0) return;
    this.filled.push(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.offset = 0;
  }
}

/** Writes into a COPY … FROM STDIN stream, waiting whenever PostgreSQL is behind (flat memory). */
export class CopyStreamWriter {
  private ended = false;

  constructor(private readonly stream: Writable) {
    // An error surfaces through the awaited write or end; without a listener it would crash the process.
    stream.on('error', () => undefined);
  }

  async write(buffers: readonly Buffer[]): Promise<void> {
    for (const buffer of buffers) {
      if (this.stream.errored) throw this.stream.errored;
      // Waiting at the stream's own mark (16 KB) would take turns with PostgreSQL: parse, wait, parse.
      // Half a megabyte in flight keeps both busy at once, and memory stays bounded.
      if (!this.stream.write(buffer) && this.stream.writableLength > MAX_IN_FLIGHT) await once(this.stream, 'drain');
    }
  }

  /** Completes the COPY; resolves when PostgreSQL has accepted every row. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.stream.end();
    await finished(this.stream);
  }
}
