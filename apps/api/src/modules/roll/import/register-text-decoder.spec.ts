import * as iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Byte, RegisterEncodingError, RegisterTextDecoder } from './register-text-decoder';

const decodeAll = (decoder: RegisterTextDecoder, chunks: Uint8Array[]): string =>
  chunks.map((c) => decoder.decode(c, 1)).join('') + decoder.end(1);
const split = (bytes: Buffer, at: number): Buffer[] => [bytes.subarray(0, at), bytes.subarray(at)];

describe('RegisterTextDecoder', () => {
  const text = 'person_id;familienname\n1;Müßig\n2;Çelik\n';
  const utf8 = Buffer.from(text, 'utf8');
  const cp1252 = iconv.encode(text, 'win1252');

  it('should detect UTF-8, also across a multi-byte character cut by a chunk boundary', () => {
    const at = utf8.indexOf(0xc3) + 1; // between the two bytes of "ü"
    const decoder = new RegisterTextDecoder('auto');
    expect(decodeAll(decoder, split(utf8, at))).toBe(text);
    expect(decoder.encoding).toBe('utf-8');
  });

  it('should detect Windows-1252 from the first chunk with a byte above 0x7F, ASCII chunks before it read alike', () => {
    const decoder = new RegisterTextDecoder('auto');
    expect(decodeAll(decoder, split(cp1252, 20))).toBe(text);
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('should take a byte-order mark as UTF-8 and drop it', () => {
    const decoder = new RegisterTextDecoder('auto');
    expect(decodeAll(decoder, [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])])).toBe(text);
    expect(decoder.encoding).toBe('utf-8');
  });

  it('should refuse Windows-1252 declared as UTF-8, naming line and byte', () => {
    const decoder = new RegisterTextDecoder('utf-8');
    expect(() => decodeAll(decoder, [cp1252])).toThrow(RegisterEncodingError);
    expect(() => new RegisterTextDecoder('utf-8').decode(cp1252, 1)).toThrow(/Zeile 2 enthält das Byte 0xFC \(Byte 27 der Datei\)/);
  });

  it('should find the first invalid UTF-8 byte, and accept a sequence cut at the end', () => {
    expect(firstInvalidUtf8Byte(utf8)).toBe(-1);
    expect(firstInvalidUtf8Byte(cp1252)).toBe(cp1252.indexOf(0xfc));
    expect(firstInvalidUtf8Byte(Buffer.from([0x41, 0xe2, 0x82]))).toBe(-1);
    expect(firstInvalidUtf8Byte(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8Byte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });
});
