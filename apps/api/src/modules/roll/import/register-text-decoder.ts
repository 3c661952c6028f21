import { REGISTER_ENCODINGS, type RegisterEncoding as RegisterEncodingOption } from '@wahl/contracts';
import * as iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';

export { REGISTER_ENCODINGS, type RegisterEncodingOption };
/** The encoding a file was read with (`auto` decided). */
export type DecodedEncoding = Exclude<RegisterEncodingOption, 'auto'>;

/** The bytes are not in the declared (or detected) encoding; the message is German, for the report. */
export class RegisterEncodingError extends Error {}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export type Utf8Scan = {
  /** Offset of the first byte that starts no valid UTF-8 sequence; -1 when all is valid (a cut-off tail counts as valid). */
  readonly firstInvalid: number;
  /** Valid multi-byte sequences (anywhere in the bytes, also after an invalid one). */
  readonly multiByte: number;
};

/** Length of the valid UTF-8 sequence at `i`; 0 when none starts there; -1 when it is cut off by the end of the bytes. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let length: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  if (i + length > bytes.length) {
    // Possibly cut by the chunk boundary: valid so far if the continuation bytes present are.
    for (let k = i + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return 0;
    return -1;
  }
  let codePoint = b & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const c = bytes[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    codePoint = (codePoint << 6) | (c & 0x3f);
  }
  if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return 0;
  return length;
}

/** The first invalid byte and the number of valid multi-byte sequences, in one pass. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstInvalid = -1;
  let multiByte = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = sequenceAt(bytes, i);
    if (length === -1) break;
    if (length === 0) {
      if (firstInvalid === -1) firstInvalid = i;
      i++;
      continue;
    }
    multiByte++;
    i += length;
  }
  return { firstInvalid, multiByte };
}

/** Offset of the first byte that starts no valid UTF-8 sequence; -1 when all is valid (a cut-off tail counts as valid). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceAt(bytes, i);
    if (length === 0) return i;
    if (length === -1) return -1;
    i += length;
  }
  return -1;
}

/** Where a byte that is not UTF-8 sits: the line, its offset in the file (1-based) and its value. */
type BadByte = { readonly line: number; readonly fileOffset: number; readonly value: number };

const isAscii = (bytes: Uint8Array): boolean => {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
};

/**
 * Bytes → text for a register export in UTF-8 or Windows-1252, chunk by chunk.
 * `auto`: a UTF-8 byte-order mark decides at once; otherwise the first chunk with a byte above
 * 0x7F decides: valid UTF-8 → UTF-8; bytes that are no UTF-8 and no valid UTF-8 sequence at all →
 * Windows-1252. Until then both read the same (ASCII).
 * A UTF-8 file with a broken sequence is refused (line and byte named), never read as Windows-1252:
 * valid UTF-8 sequences beside an invalid byte, in the same or any later chunk, mean a damaged
 * UTF-8 file, and reading it as Windows-1252 would garble every umlaut of the roll (issue #17, 5).
 * Only an explicit `windows-1252` reads such bytes as they are.
 */
export class RegisterTextDecoder {
  private decided: DecodedEncoding | null;
  private utf8: TextDecoder | null = null;
  private cp1252: ReturnType<typeof iconv.getDecoder> | null = null;
  private bytesSeen = 0;
  private atStart = true;
  /** `auto` chose Windows-1252 at this byte; later valid UTF-8 sequences turn the choice into an error. */
  private guessedAt: BadByte | null = null;

  constructor(private readonly option: RegisterEncodingOption) {
    this.decided = option === 'auto' ? null : option;
  }

  /** The encoding in use; null while only ASCII has been seen in `auto` mode. */
  get encoding(): DecodedEncoding | null {
    return this.decided;
  }

  /** `line`: the line of the file this chunk begins in, to name it in an error. */
  decode(chunk: Uint8Array, line: number): string {
    let bytes = chunk;
    if (this.atStart && bytes.length > 0) {
      this.atStart = false;
      if (bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b)) {
        if (this.decided === 'windows-1252') {
          throw new RegisterEncodingError(
            'Die Datei beginnt mit der UTF-8-Kennung (BOM), als Kodierung ist aber Windows-1252 angegeben. Bitte „UTF-8“ oder „automatisch“ wählen.',
          );
        }
        this.decided = 'utf-8';
        bytes = bytes.subarray(3);
        this.bytesSeen += 3;
      }
    }
    if (this.decided === null) {
      if (isAscii(bytes))
        return this.counted(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), bytes.length);
      const scan = scanUtf8(bytes);
      if (scan.firstInvalid === -1) this.decided = 'utf-8';
      else if (scan.multiByte > 0) throw this.brokenUtf8(this.badByte(bytes, scan.firstInvalid, line));
      else {
        this.decided = 'windows-1252';
        this.guessedAt = this.badByte(bytes, scan.firstInvalid, line);
      }
    } else if (this.guessedAt && !isAscii(bytes) && scanUtf8(bytes).multiByte > 0) {
      throw this.brokenUtf8(this.guessedAt);
    }
    if (this.decided === 'windows-1252') {
      this.cp1252 ??= iconv.getDecoder('win1252');
      return this.counted(this.cp1252.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), bytes.length);
    }
    this.utf8 ??= new TextDecoder('utf-8', { fatal: true });
    try {
      return this.counted(this.utf8.decode(bytes, { stream: true }), bytes.length);
    } catch {
      throw this.brokenUtf8(this.badByte(bytes, Math.max(0, firstInvalidUtf8Byte(bytes)), line));
    }
  }

  /** Flushes a multi-byte sequence cut off at the very end. */
  end(line: number): string {
    if (this.decided === 'utf-8' && this.utf8) {
      try {
        return this.utf8.decode();
      } catch {
        throw new RegisterEncodingError(`Die Datei endet mitten in einem UTF-8-Zeichen (Zeile ${line}).`);
      }
    }
    return this.cp1252?.end() ?? '';
  }

  private counted(text: string, byteLength: number): string {
    this.bytesSeen += byteLength;
    return text;
  }

  private badByte(bytes: Uint8Array, offset: number, firstLine: number): BadByte {
    let line = firstLine;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { line, fileOffset: this.bytesSeen + offset + 1, value: bytes[offset] ?? 0 };
  }

  private brokenUtf8(at: BadByte): RegisterEncodingError {
    const hint =
      this.option === 'auto'
        ? ' Die übrigen Zeichen sind UTF-8; die Datei ist vermutlich beschädigt. Ist sie wirklich in Windows-1252 kodiert, wählen Sie die Kodierung „Windows-1252“ ausdrücklich.'
        : ' Exporte in Windows-1252 bitte mit der Kodierung „Windows-1252“ oder „automatisch“ einlesen.';
    return new RegisterEncodingError(
      `Die Datei ist nicht gültig in UTF-8 kodiert: Zeile ${at.line} enthält das Byte 0x${at.value.toString(16).toUpperCase().padStart(2, '0')}` +
        ` (Byte ${at.fileOffset} der Datei).${hint}`,
    );
  }
}
