import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CopyStreamWriter, CopyTextBuffer, copyNullable, copyValue } from './copy-text-buffer';

describe('COPY text format', () => {
  it('should double backslashes and write NULL as \\N', () => {
    expect(copyValue('C:\\Akte')).toBe('C:\\\\Akte');
    expect(copyValue('Müller')).toBe('Müller');
    expect(copyNullable(null)).toBe('\\N');
  });

  it('should collect rows as UTF-8 in chunks and keep a row longer than a chunk whole', () => {
    const buffer = new CopyTextBuffer();
    const long = `${'ä'.repeat(40_000)}\n`;
    buffer.add('1\tMüller\n');
    buffer.add(long);
    buffer.add('2\tŁucja\n');
    const text = Buffer.concat(buffer.take()).toString('utf8');
    expect(text).toBe(`1\tMüller\n${long}2\tŁucja\n`);
    expect(buffer.take()).toEqual([]);
  });

  it('should hand everything to the stream and resolve end once it has finished', async () => {
    const stream = new PassThrough();
    const received: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => received.push(chunk));
    const writer = new CopyStreamWriter(stream);
    await writer.write([Buffer.from('a\n'), Buffer.from('b\n')]);
    await writer.end();
    expect(Buffer.concat(received).toString()).toBe('a\nb\n');
  });
});
