import { readFileSync } from 'node:fs';
import { parseRegisterHeader, resolveDeadlines, validateElectionDefinition, type RecordError } from '@wahl/domain';
import { formatRegisterLine, generateResidents, REGISTER_HEADER } from '@wahl/register-generator';
import { describe, expect, it } from 'vitest';
import { CopyTextBuffer } from './copy-text-buffer';
import { defaultLineThreads, RegisterImportRun } from './register-import-run';

const validated = validateElectionDefinition(JSON.parse(readFileSync('examples/demo-election.json', 'utf8')));
if (!validated.ok) throw new Error('demo election');
const definition = validated.value;
const deadlines = resolveDeadlines(definition.kind, definition.electionDay, definition.deadlines);
const header = parseRegisterHeader(REGISTER_HEADER);
if (!header.ok) throw new Error('header');
const columns = header.value;

/** 5,000 lines (three batches) with a bad line in the first, a line too long in the second and a repeated person id. */
const lines = [...generateResidents(definition, { residents: 5000, seed: 'import-run' })].map(formatRegisterLine);
lines[3] = 'P-kaputt;zu wenige Felder';
lines[4700] = lines[10]!;

/** The whole pass over the lines with `threads` line workers: COPY bytes, counts and problems. */
async function importLines(threads: number) {
  const out = new CopyTextBuffer();
  const rejected: RecordError[][] = [];
  const facts = {
    kind: definition.kind,
    electionDay: definition.electionDay,
    cutoffDay: deadlines.rollCutoffDay,
    streets: definition.streets,
  };
  const run = new RegisterImportRun(
    '00000000-0000-4000-8000-000000000002',
    facts,
    true,
    out,
    (errors) => rejected.push([...errors]),
    threads,
  );
  run.setColumns(columns);
  const chunks: Buffer[] = [];
  lines.forEach((line, i) => {
    if (i === 2500) run.tooLong(i + 2);
    else run.line(line, i + 2);
    if (i % 700 === 0) void run.settle().then(() => chunks.push(...out.take()));
  });
  await run.finish();
  await run.close();
  chunks.push(...out.take());
  const { recordsRead, rowsWritten, rowsRejected, entered, unassigned, errors, duplicateCandidates } = run;
  return {
    copy: Buffer.concat(chunks).toString('utf8'),
    recordsRead,
    rowsWritten,
    rowsRejected,
    entered,
    unassigned,
    errors,
    rejected,
    duplicateCandidates,
  };
}

describe('RegisterImportRun', () => {
  it('should give the same rows, counts and problems in file order with line workers as without', async () => {
    const inline = await importLines(0);
    const workers = await importLines(2);
    expect(workers).toEqual(inline);
    expect(inline).toMatchObject({ recordsRead: 5000, rowsWritten: 4998, rowsRejected: 2, duplicateCandidates: [12, 4702] });
    expect(inline.errors.map((error) => error.line)).toEqual([5, 2502]);
    expect(inline.copy.split('\n')).toHaveLength(4999);
  });

  it('should leave two cores to the import thread and PostgreSQL before starting line workers', () => {
    expect([1, 2, 3, 4, 8].map((cores) => defaultLineThreads(cores))).toEqual([0, 0, 1, 2, 6]);
  });
});
