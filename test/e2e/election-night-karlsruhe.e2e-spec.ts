import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInBoard } from '../support/election-night';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';
import { sharedDataAvailable } from '../support/shared-data';

// Replay of the real Bundestagswahl 2025 in Karlsruhe: the 272 district results of the city's
// election-night export (../shared/data/karlsruhe, see its SOURCE.md) go through the API as the
// boards would send them – one board member enters, a second one approves – and the city's totals
// must equal the sums of the file.

const DATA_DIR = resolve('../shared/data/karlsruhe');
const CONCURRENCY = 12;

type Row = Record<string, string>;

function readResults(): Row[] {
  const name = readdirSync(DATA_DIR).find((file) => file.includes('Bundestagswahl_2025_Wahlergebnisse') && file.endsWith('.csv'));
  if (!name) throw new Error(`no Bundestagswahl 2025 results in ${DATA_DIR}`);
  const [header, ...lines] = readFileSync(join(DATA_DIR, name), 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(';');
  return lines.map((line) => Object.fromEntries(line.split(';').map((cell, i) => [columns[i]!, cell])));
}

const sum = (rows: readonly Row[], column: string): number => rows.reduce((total, row) => total + Number(row[column] ?? 0), 0);

const available = sharedDataAvailable('karlsruhe');

describe.runIf(available)('election night: replay of the Karlsruhe Bundestagswahl 2025 (272 districts)', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let electionId: string;
  let document: any;
  const rows = available ? readResults() : [];

  beforeAll(async () => {
    testApp = await startTestApp();
    office = await createOfficeWithStaff(testApp, '08212000', 'Stadt Karlsruhe');
    document = JSON.parse(readFileSync('examples/karlsruhe-btw2025.json', 'utf8'));
    const imported = await office.clerk.post('/api/elections', document);
    expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(201);
    electionId = imported.body.id;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should have one district of the election for every row of the file', () => {
    expect(rows).toHaveLength(272);
    expect(new Set(rows.map((row) => row['bezirk-nr']))).toEqual(new Set(document.districts.map((d: any) => d.number)));
  });

  it('should take every district’s report from two board members and give the city totals of the file', { timeout: 180_000 }, async () => {
    const generated = await office.clerk.post(`/api/elections/${electionId}/board-codes`, {});
    expect(generated.status).toBe(201);
    const codeOf = new Map<string, string>(generated.body.codes.map((code: any) => [code.districts[0].number, code.code]));
    const kindOf = new Map<string, string>(document.districts.map((d: any) => [d.number, d.kind]));
    const [erst, zweit] = document.contests as any[];

    // The OWD export writes 0 where a postal district has no eligible voters; the report leaves them empty (P9).
    const reportOf = (row: Row) => {
      const postal = kindOf.get(row['bezirk-nr']!) === 'postal';
      const count = (column: string) => Number(row[column]);
      const eligible = (column: string) => (postal ? null : count(column));
      return {
        A1: eligible('A1'),
        A2: eligible('A2'),
        A3: eligible('A3'),
        A: eligible('A'),
        B: count('B'),
        B1: count('B1'),
        contests: [
          {
            contestId: erst.id,
            invalid: count('C'),
            valid: count('D'),
            votes: Object.fromEntries(erst.lists.map((l: any) => [l.id, count(`D${l.ballotPosition}`)])),
          },
          {
            contestId: zweit.id,
            invalid: count('E'),
            valid: count('F'),
            votes: Object.fromEntries(zweit.lists.map((l: any) => [l.id, count(`F${l.ballotPosition}`)])),
          },
        ],
      };
    };

    const replay = async (row: Row) => {
      const number = row['bezirk-nr']!;
      const first = await signInBoard(testApp.baseUrl, codeOf.get(number)!, `Vorsitz ${number}`);
      const second = await signInBoard(testApp.baseUrl, codeOf.get(number)!, `Stellvertretung ${number}`);
      const districtId = first.body.districts[0].id;
      const url = `/api/elections/${electionId}/districts/${districtId}/reports`;
      let entered = await first.client.post(url, { ...reportOf(row), expectedVersion: 0 }, { 'idempotency-key': `replay-${number}` });
      // Soft checks (P8 and the like) are confirmed as after a phone read-back; errors are not.
      if (entered.status === 422 && entered.body.errors.every((e: any) => e.severity === 'warning')) {
        const confirmations = [...new Set(entered.body.errors.map((e: any) => e.rule))].map((rule) => ({
          rule,
          comment: 'Mit der Niederschrift abgeglichen.',
        }));
        entered = await first.client.post(
          url,
          { ...reportOf(row), expectedVersion: 0, confirmations },
          { 'idempotency-key': `replay-${number}-confirmed` },
        );
      }
      if (entered.status !== 201) throw new Error(`${number}: ${entered.status} ${JSON.stringify(entered.body)}`);
      const approved = await second.client.post(`${url}/${entered.body.version}/approve`);
      if (approved.status !== 200 || approved.body.state !== 'confirmed')
        throw new Error(`${number}: approval ${approved.status} ${JSON.stringify(approved.body)}`);
    };
    for (let start = 0; start < rows.length; start += CONCURRENCY) await Promise.all(rows.slice(start, start + CONCURRENCY).map(replay));

    const totals = await office.clerk.get(`/api/elections/${electionId}/totals?area=municipality`);
    expect(totals.status).toBe(200);
    const city = totals.body;
    expect(city).toMatchObject({ reported: 272, expected: 272, complete: true });
    expect(city.eligible).toBe(sum(rows, 'A'));
    expect(city.voters).toBe(sum(rows, 'B'));
    expect(city.votersWithWahlschein).toBe(sum(rows, 'B1'));
    // No polling district is linked to a postal one in the data, so every district is its own unit.
    expect(city.turnout).toEqual({
      percent: Math.round((1000 * sum(rows, 'B')) / sum(rows, 'A')) / 10,
      completeUnits: 272,
      totalUnits: 272,
    });
    for (const [index, contest] of [erst, zweit].entries()) {
      const [invalid, valid, prefix] = index === 0 ? ['C', 'D', 'D'] : ['E', 'F', 'F'];
      const view = city.contests.find((c: any) => c.key === contest.id);
      expect(view.invalid).toBe(sum(rows, invalid!));
      expect(view.valid).toBe(sum(rows, valid!));
      const votes = Object.fromEntries(view.lists.map((l: any) => [l.key, l.votes]));
      expect(votes).toEqual(Object.fromEntries(contest.lists.map((l: any) => [l.id, sum(rows, `${prefix}${l.ballotPosition}`)])));
    }
    // Known answers of the official kerg2 figures for Wahlkreis 271 (SOURCE.md cross-check).
    expect([city.eligible, city.voters]).toEqual([202_812, 168_556]);
    expect([city.contests[0].invalid, city.contests[0].valid]).toEqual([1_126, 167_430]);

    const status = await office.clerk.get(`/api/elections/${electionId}/districts/status`);
    expect(status.body.counts).toMatchObject({ confirmed: 272, missing: 0, flagged: 0 });
    const audit = await office.clerk.get(`/api/elections/${electionId}/audit/verify`);
    // The election's creation, code generation, 544 sign-ins, 272 entries, 272 approvals.
    expect(audit.body).toEqual({ valid: true, entries: 1 + 1 + 544 + 272 + 272, pending: 0 });
  });
});
