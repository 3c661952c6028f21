import { describe, expect, it } from 'vitest';
import { MultipartError, multipartBoundary, openMultipartFile } from './multipart-file';

const BOUNDARY = '----form7MA4YWxk';
const body = (file: Buffer, extra = ''): Buffer =>
  Buffer.concat([
    Buffer.from(`preamble\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="encoding"\r\n\r\nwindows-1252\r\n`),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="melde register.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="after"\r\n\r\nignored\r\n--${BOUNDARY}--\r\n${extra}`),
  ]);

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(content: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of content) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

describe('openMultipartFile', () => {
  // Bytes that look like parts of the boundary, a CR LF inside the file, and binary (Windows-1252) bytes.
  const file = Buffer.concat([
    Buffer.from('kopf;zeile\r\n--form7MA4 fast eine Grenze\r\n\r\n'),
    Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]),
    Buffer.from('\r\n-'),
  ]);

  it('should drop control characters such as NUL from the file name', async () => {
    const named = Buffer.from(body(file).toString('latin1').replace('melde register.csv', 'melde\u0000reg\u0007ister.csv'), 'latin1');
    const upload = await openMultipartFile(chunks(named, 64), BOUNDARY, 'file');
    expect(upload.fileName).toBe('melderegister.csv');
  });

  it('should hand on the file part byte for byte, whatever the chunk boundaries', async () => {
    const whole = body(file);
    for (const size of [1, 2, 3, 7, 16, 64, whole.length]) {
      const upload = await openMultipartFile(chunks(whole, size), BOUNDARY, 'file');
      expect(upload.fileName).toBe('melde register.csv');
      expect(upload.fields.get('encoding')).toBe('windows-1252');
      expect((await readAll(upload.content)).equals(file)).toBe(true);
    }
  });

  it('should read the boundary from the content type, quoted or not', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('text/csv')).toBeNull();
  });

  it('should fail clearly without a file part or when the upload breaks off', async () => {
    const noFile = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--${BOUNDARY}--\r\n`);
    await expect(openMultipartFile(chunks(noFile, 5), BOUNDARY, 'file')).rejects.toThrow(
      new MultipartError('Die Anfrage enthält kein Datei-Feld „file“.'),
    );
    const cut = body(file).subarray(0, 260);
    const upload = await openMultipartFile(chunks(cut, 9), BOUNDARY, 'file');
    await expect(readAll(upload.content)).rejects.toThrow('Der Upload ist unvollständig');
  });

  it('should keep at most a boundary length of a large file between chunks', async () => {
    const large = Buffer.alloc(5 * 1024 * 1024, 0x61);
    const upload = await openMultipartFile(chunks(body(large), 65536), BOUNDARY, 'file');
    let total = 0;
    let largest = 0;
    for await (const part of upload.content) {
      total += part.length;
      largest = Math.max(largest, part.length);
    }
    expect(total).toBe(large.length);
    expect(largest).toBeLessThanOrEqual(65536 + BOUNDARY.length + 4);
  });
});
