import * as iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Byte, RegisterEncodingError, RegisterTextDecoder, scanUtf8 } from './register-text-decoder';

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

  // Issue #17, 5: one bad byte in a UTF-8 file must not turn every umlaut into mojibake.
  describe('a UTF-8 file with one invalid byte', () => {
    const good = Buffer.from('person_id;familienname\n1;Müßig\n2;Çelik\n3;Jörg\n', 'utf8');
    // Line 3 gets a lone 0xFC (a Windows-1252 "ü") in place of "Ç".
    const at = good.indexOf(Buffer.from('Ç', 'utf8'));
    const broken = Buffer.concat([good.subarray(0, at), Buffer.from([0xfc]), good.subarray(at + 2)]);

    it('should be refused in auto mode with the line and the byte offset', () => {
      const decoder = new RegisterTextDecoder('auto');
      expect(() => decodeAll(decoder, [broken])).toThrow(RegisterEncodingError);
      expect(() => decodeAll(new RegisterTextDecoder('auto'), [broken])).toThrow(
        new RegExp(`Zeile 3 enthält das Byte 0xFC \\(Byte ${at + 1} der Datei\\).*„Windows-1252“ ausdrücklich`),
      );
    });

    it('should be refused when the bad byte comes in a chunk before the first valid UTF-8 character', () => {
      const early = Buffer.from('person_id;familienname\n1;M\xfcller\n', 'latin1');
      const later = Buffer.from('2;Çelik\n', 'utf8');
      expect(() => decodeAll(new RegisterTextDecoder('auto'), [early, later])).toThrow(
        /Zeile 2 enthält das Byte 0xFC \(Byte 27 der Datei\)/,
      );
    });

    it('should count a byte-order mark in the byte offset', () => {
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), broken]);
      expect(() => decodeAll(new RegisterTextDecoder('auto'), [withBom])).toThrow(new RegExp(`\\(Byte ${at + 4} der Datei\\)`));
    });

    it('should be read as it is when the office chose Windows-1252 explicitly', () => {
      const decoder = new RegisterTextDecoder('windows-1252');
      expect(decodeAll(decoder, [broken])).toBe(iconv.decode(broken, 'win1252'));
      expect(decoder.encoding).toBe('windows-1252');
    });

    it('should still read a whole Windows-1252 file in auto mode, also over many chunks', () => {
      const cp = iconv.encode('person_id;familienname\n1;Müßig\n2;Çelik\n3;Jörg\n', 'win1252');
      const decoder = new RegisterTextDecoder('auto');
      expect(decodeAll(decoder, [cp.subarray(0, 27), cp.subarray(27, 35), cp.subarray(35)])).toBe(iconv.decode(cp, 'win1252'));
      expect(decoder.encoding).toBe('windows-1252');
    });
  });

  it('should count valid multi-byte sequences beside invalid bytes', () => {
    expect(scanUtf8(Buffer.from('aü€', 'utf8'))).toEqual({ firstInvalid: -1, multiByte: 2 });
    expect(scanUtf8(Buffer.from([0x41, 0xfc, 0xc3, 0xbc]))).toEqual({ firstInvalid: 1, multiByte: 1 });
    expect(scanUtf8(Buffer.from([0xfc, 0xe4]))).toEqual({ firstInvalid: 0, multiByte: 0 });
  });
});
