import { describe, expect, it } from 'vitest';
import { RegisterLineSplitter } from './register-line-splitter';

const run = (chunks: string[], max = 20) => {
  const out: string[] = [];
  const splitter = new RegisterLineSplitter(max, {
    line: (text, no) => out.push(`${no}:${text}`),
    tooLong: (no) => out.push(`${no}:TOO LONG`),
  });
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return { out, splitter };
};

describe('RegisterLineSplitter', () => {
  it('should give every line with its number, across chunks, with and without a final newline', () => {
    expect(run(['a;b\nc', ';d\r\n\n   \ne;f']).out).toEqual(['1:a;b', '2:c;d\r', '5:e;f']);
    expect(run(['x\n']).out).toEqual(['1:x']);
  });

  it('should report an overlong line as soon as the cap is passed and go on after it', () => {
    expect(run(['ok\n' + 'y'.repeat(15), 'y'.repeat(15), 'y'.repeat(1000) + '\nnext\n']).out).toEqual(['1:ok', '2:TOO LONG', '3:next']);
    expect(run(['z'.repeat(25) + '\nafter']).out).toEqual(['1:TOO LONG', '2:after']);
  });

  it('should never keep more than the cap of a 10 MB line', () => {
    const chunk = 'q'.repeat(65536);
    const { out, splitter } = run([...Array.from({ length: 160 }, () => chunk), '\nlast'], 8192);
    expect(out).toEqual(['1:TOO LONG', '2:last']);
    expect(splitter.maxPendingLength).toBeLessThanOrEqual(8192);
  });
});
