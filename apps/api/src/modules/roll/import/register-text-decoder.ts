import { REGISTER_ENCODINGS, type RegisterEncoding as RegisterEncodingOption } from '@wahl/contracts';
import * as iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';

export { REGISTER_ENCODINGS, type RegisterEncodingOption };
/** The encoding a file was read with (`auto` decided). */
export type DecodedEncoding = Exclude<RegisterEncodingOption, 'auto'>;

/** The bytes are not in the declared (or detected) encoding; the message is German, for the report. */
export class RegisterEncodingError extends Error {}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Offset of the first byte that starts no valid UTF-8 sequence; -1 when all is valid (a cut-off tail counts as valid). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) {
      // Possibly cut by the chunk boundary: valid so far if the continuation bytes present are.
      for (let k = i + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return i;
      return -1;
    }
    let codePoint = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (c & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

const isAscii = (bytes: Uint8Array): boolean => {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
};

/**
 * Bytes → text for a register export in UTF-8 or Windows-1252, chunk by chunk.
 * `auto`: a UTF-8 byte-order mark decides at once; otherwise the first chunk with a byte above
 * 0x7F decides (valid UTF-8 → UTF-8, else Windows-1252). Until then both read the same (ASCII).
 * Declared or detected UTF-8 that turns out invalid is an error naming the line, never mojibake.
 */
export class RegisterTextDecoder {
  private decided: DecodedEncoding | null;
  private utf8: TextDecoder | null = null;
  private cp1252: ReturnType<typeof iconv.getDecoder> | null = null;
  private bytesSeen = 0;
  private atStart = true;

  constructor(option: RegisterEncodingOption) {
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
      }
    }
    if (this.decided === null) {
      if (isAscii(bytes))
        return this.counted(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), bytes.length);
      this.decided = firstInvalidUtf8Byte(bytes) === -1 ? 'utf-8' : 'windows-1252';
    }
    if (this.decided === 'windows-1252') {
      this.cp1252 ??= iconv.getDecoder('win1252');
      return this.counted(this.cp1252.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), bytes.length);
    }
    this.utf8 ??= new TextDecoder('utf-8', { fatal: true });
    try {
      return this.counted(this.utf8.decode(bytes, { stream: true }), bytes.length);
    } catch {
      throw this.invalidUtf8(bytes, line);
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

  private invalidUtf8(bytes: Uint8Array, firstLine: number): RegisterEncodingError {
    const offset = Math.max(0, firstInvalidUtf8Byte(bytes));
    let line = firstLine;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const value = bytes[offset] ?? 0;
    return new RegisterEncodingError(
      `Die Datei ist nicht gültig in UTF-8 kodiert: Zeile ${line} enthält das Byte 0x${value.toString(16).toUpperCase().padStart(2, '0')}` +
        ` (Byte ${this.bytesSeen + offset + 1} der Datei). Exporte in Windows-1252 bitte mit der Kodierung „Windows-1252“ oder „automatisch“ einlesen.`,
    );
  }
}
