import { readFileSync } from 'node:fs';
import { parseRegisterHeader, resolveDeadlines, validateElectionDefinition } from '@wahl/domain';
import { formatRegisterLine, generateResidents, REGISTER_HEADER } from '@wahl/register-generator';
import { afterAll, describe, expect, it } from 'vitest';
import { RegisterLinePass, type LineBatch, type LineBatchResult, type LinePassSetup } from './register-line-pass';
import { RegisterLinePool } from './register-line-pool';

const validated = validateElectionDefinition(JSON.parse(readFileSync('examples/demo-election.json', 'utf8')));
if (!validated.ok) throw new Error('demo election');
const definition = validated.value;
const deadlines = resolveDeadlines(definition.kind, definition.electionDay, definition.deadlines);
const lines = [...generateResidents(definition, { residents: 1500, seed: 'line-pool' })].map(formatRegisterLine);
const columns = parseRegisterHeader(REGISTER_HEADER);
if (!columns.ok) throw new Error('header');
const setup: LinePassSetup = {
  importId: '00000000-0000-4000-8000-000000000001',
  facts: { kind: definition.kind, electionDay: definition.electionDay, cutoffDay: deadlines.rollCutoffDay, streets: definition.streets },
  columns: columns.value,
};

/** Lines 2 … of the register, with a line of too few fields, a backslash in a name and a line too long among them. */
function batch(from: number, to: number): LineBatch {
  const texts = lines.slice(from, to);
  texts[3] = 'P-kaputt;zu wenige Felder';
  texts[5] = texts[5]!.replace(';', '\\;');
  const lineNos = Int32Array.from(texts, (_, i) => from + i + 2);
  lineNos[7] = -lineNos[7]!;
  texts[7] = '';
  return { texts, lineNos };
}

const bytes = (result: LineBatchResult): string => Buffer.concat(result.rows.map((rows) => Buffer.from(rows))).toString('utf8');

describe('RegisterLinePool', () => {
  const pool = RegisterLinePool.start(setup, 2);
  afterAll(() => pool.close());

  it('should give, batch by batch and in worker threads, what the pass gives in this thread', async () => {
    const inline = new RegisterLinePass(setup);
    const batches = [batch(0, 500), batch(500, 1000), batch(1000, 1500)];
    const fromWorkers = await Promise.all(batches.map((b) => pool.run(b)));
    for (const [i, b] of batches.entries()) {
      const expected = inline.run(b);
      const got = fromWorkers[i]!;
      expect(bytes(got)).toBe(bytes(expected));
      expect({ ...got, rows: null }).toEqual({ ...expected, rows: null });
      expect(got.written).toBe(498);
      expect(got.rejected.map((errors) => errors[0]!.line)).toEqual([b.lineNos[3], -b.lineNos[7]!]);
    }
    expect(bytes(fromWorkers[0]!)).toContain('\\\\');
    expect(fromWorkers[0]!.entered).toBeGreaterThan(300);
  });

  it('should fail the batches of a closed pool', async () => {
    const closing = RegisterLinePool.start(setup, 1);
    await closing.close();
    await expect(closing.run(batch(0, 10))).rejects.toThrow('closed');
  });
});
