/** The upload is not a well-formed multipart/form-data body; the message is German. */
export class MultipartError extends Error {}

export type MultipartFile = {
  /** Text fields that came before the file part (name → value). */
  readonly fields: ReadonlyMap<string, string>;
  readonly fileName: string | null;
  /** The file's bytes as they arrive; after its end the rest of the body is read and discarded. */
  readonly content: AsyncIterable<Uint8Array>;
};

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_FIELD_BYTES = 1024;
const MAX_FIELDS = 20;
const CRLF_CRLF = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` content type, or null for any other type. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function headerParameter(header: string, name: string): string | null {
  const quoted = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  const bare = new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  return bare ? bare[1]! : null;
}

/**
 * Streams one file out of a multipart/form-data body (RFC 7578) without holding it: the reader
 * keeps only the bytes that could still be the start of the next boundary. Text fields before the
 * file are collected (small); the part named `fileField` is handed on as it arrives.
 */
export async function openMultipartFile(body: AsyncIterable<Uint8Array>, boundary: string, fileField: string): Promise<MultipartFile> {
  const reader = new PartReader(body[Symbol.asyncIterator](), boundary);
  await reader.skipPreamble();
  const fields = new Map<string, string>();
  for (;;) {
    const headers = await reader.readPartHeaders();
    if (headers === null) throw new MultipartError(`Die Anfrage enthält kein Datei-Feld „${fileField}“.`);
    const disposition = headers.get('content-disposition') ?? '';
    const name = headerParameter(disposition, 'name');
    // Control characters (a NUL above all, which PostgreSQL cannot store) are dropped from the name (issue #17, 5).
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    const fileName = headerParameter(disposition, 'filename')?.replace(/[\u0000-\u001f\u007f]/g, '') ?? null;
    if (name === fileField) {
      return { fields, fileName, content: reader.partBodyThenDrain() };
    }
    const value = await reader.readSmallPart(MAX_FIELD_BYTES);
    if (name !== null && fields.size < MAX_FIELDS) fields.set(name, value);
  }
}

class PartReader {
  private buffer: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly delimiter: Buffer;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    boundary: string,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    return true;
  }

  /** Up to and including the first boundary line (`--boundary` at the very start or after CRLF). */
  async skipPreamble(): Promise<void> {
    const first = this.delimiter.subarray(2);
    for (;;) {
      if (this.buffer.length >= first.length && this.buffer.subarray(0, first.length).equals(first)) {
        this.buffer = this.buffer.subarray(first.length);
        return;
      }
      const at = this.buffer.indexOf(this.delimiter);
      if (at !== -1) {
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        return;
      }
      if (this.buffer.length > MAX_HEADER_BYTES) this.buffer = this.buffer.subarray(this.buffer.length - this.delimiter.length);
      if (!(await this.fill())) throw new MultipartError('Der Upload ist kein gültiges multipart/form-data (Trennzeile fehlt).');
    }
  }

  /** After a boundary: the part's headers, or null when this was the closing boundary. */
  async readPartHeaders(): Promise<Map<string, string> | null> {
    while (this.buffer.length < 2) {
      if (!(await this.fill())) throw new MultipartError('Der Upload endet unerwartet.');
    }
    if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) return null; // `--`: the closing boundary
    for (;;) {
      const end = this.buffer.indexOf(CRLF_CRLF);
      if (end !== -1) {
        // The boundary line ends with CRLF (optionally after blanks); headers follow.
        const text = this.buffer.subarray(0, end).toString('utf8');
        this.buffer = this.buffer.subarray(end + CRLF_CRLF.length);
        const headers = new Map<string, string>();
        for (const line of text.split('\r\n').slice(1)) {
          const colon = line.indexOf(':');
          if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
        return headers;
      }
      if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('Die Kopfzeilen eines Upload-Teils sind zu lang.');
      if (!(await this.fill())) throw new MultipartError('Der Upload endet unerwartet.');
    }
  }

  /** A text field's value (at most `max` bytes kept). */
  async readSmallPart(max: number): Promise<string> {
    const parts: Buffer[] = [];
    let kept = 0;
    for await (const chunk of this.partBody()) {
      if (kept < max) {
        parts.push(chunk.subarray(0, max - kept));
        kept += Math.min(chunk.length, max - kept);
      }
    }
    return Buffer.concat(parts).toString('utf8');
  }

  /** The current part's bytes up to the next boundary, which is consumed. */
  async *partBody(): AsyncGenerator<Buffer> {
    for (;;) {
      const at = this.buffer.indexOf(this.delimiter);
      if (at !== -1) {
        if (at > 0) yield this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        return;
      }
      // Everything but a possible start of the boundary can go on.
      const keep = Math.min(this.buffer.length, this.delimiter.length - 1);
      const ready = this.buffer.length - keep;
      if (ready > 0) {
        const out = this.buffer.subarray(0, ready);
        this.buffer = Buffer.from(this.buffer.subarray(ready));
        yield out;
      }
      if (!(await this.fill())) throw new MultipartError('Der Upload ist unvollständig (die Übertragung wurde abgebrochen).');
    }
  }

  async *partBodyThenDrain(): AsyncGenerator<Uint8Array> {
    yield* this.partBody();
    // Further parts are not used, but the request is read to its end before it is answered.
    while (await this.fill()) this.buffer = Buffer.alloc(0);
  }
}
