import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BALLOT_2025,
  GOETTINGEN_2021,
  GOETTINGEN_2025,
  goettingenElection2025,
  goettingenReport,
  goettingenRows,
  listKey2025,
  readGoettingen,
  type CsvRow,
} from '../support/goettingen';
import { httpClient, type HttpClient } from '../support/http';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';
import { sharedDataAvailable } from '../support/shared-data';

// Open data with Göttingen's real votemanager files (../shared/data/goettingen-btw2025):
// the 2021 file becomes the previous election of a 2025 election with the 2025 file's districts;
// the 2025 file's 139 district results go through election night (entry + second person); the
// district-level download must then reproduce the city's own file cell by cell.

const CONCURRENCY = 8;
const sum = (rows: readonly CsvRow[], column: string): number => rows.reduce((total, row) => total + Number(row[column] || 0), 0);
const percent = (part: number, whole: number): number => Math.round((1000 * part) / whole) / 10;

const available = sharedDataAvailable('goettingen-btw2025');

describe.runIf(available)('open data: votemanager CSV out and in (Göttingen, BTW 2021 and 2025)', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let anonymous: HttpClient;
  let electionId: string;
  const empty = { header: [] as string[], lines: [] as string[], rows: [] as ReturnType<typeof goettingenRows>['rows'] };
  const file2025 = available ? goettingenRows(GOETTINGEN_2025) : empty;
  const file2021 = available ? goettingenRows(GOETTINGEN_2021) : empty;

  beforeAll(async () => {
    testApp = await startTestApp();
    anonymous = httpClient(testApp.baseUrl);
    office = await createOfficeWithStaff(testApp, '03159016', 'Stadt Göttingen');
    const imported = await office.clerk.post('/api/elections', goettingenElection2025());
    expect(imported.status, JSON.stringify(imported.body).slice(0, 800)).toBe(201);
    electionId = imported.body.id;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should import the 2021 file as the previous election, matching lists by name and districts by number', async () => {
    // SOURCE.md's names are the 2025 ballot. The 2021 ballot followed the 2017 Land result: rows
    // 1–6 are CDU, SPD, FDP, AfD, GRÜNE, DIE LINKE (the city-wide sums bear it out: row 5 holds 30.6 %).
    // Rows 7–21 stay unnamed here; their votes are reported as unassigned.
    const ballotRows = ['CDU', 'SPD', 'FDP', 'AfD', 'GRÜNE', 'DIE LINKE'];
    const numbers2025 = new Set(file2025.rows.map((row) => row['gebiet-nr']));
    const before = await anonymous.get(`/api/public/elections/${electionId}`);
    expect(before.body).toMatchObject({ version: 0, previousElectionName: null });
    const result = await office.clerk.post(`/api/elections/${electionId}/previous-election`, {
      name: 'Bundestagswahl 2021',
      electionDay: '2021-09-26',
      csv: readGoettingen(GOETTINGEN_2021),
      ballotRows,
    });
    expect(result.status, JSON.stringify(result.body).slice(0, 800)).toBe(201);
    const matched = file2021.rows.filter((row) => numbers2025.has(row['gebiet-nr']));
    expect(result.body.districtsMatched).toBe(matched.length);
    expect(result.body.unmatchedRows.map((row: { number: string }) => row.number)).toEqual(
      file2021.rows.filter((row) => !numbers2025.has(row['gebiet-nr'])).map((row) => row['gebiet-nr']),
    );
    expect(result.body.municipality).toEqual({ eligible: sum(file2021.rows, 'A'), voters: sum(file2021.rows, 'B') });
    expect(result.body.lists.filter((list: { contest: string }) => list.contest === 'zweitstimme')).toEqual([
      { ballotRow: 1, name: 'CDU', contest: 'zweitstimme', listKey: 'cdu', matched: true },
      { ballotRow: 2, name: 'SPD', contest: 'zweitstimme', listKey: 'spd', matched: true },
      { ballotRow: 3, name: 'FDP', contest: 'zweitstimme', listKey: 'fdp', matched: true },
      { ballotRow: 4, name: 'AfD', contest: 'zweitstimme', listKey: 'afd', matched: true },
      { ballotRow: 5, name: 'GRÜNE', contest: 'zweitstimme', listKey: 'grune', matched: true },
      { ballotRow: 6, name: 'DIE LINKE', contest: 'zweitstimme', listKey: 'die-linke', matched: true },
    ]);
    let unassigned = 0;
    for (let row = 7; row <= 21; row += 1) unassigned += sum(file2021.rows, `D${row}`) + sum(file2021.rows, `F${row}`);
    expect(result.body.unassignedVotes).toBe(unassigned);

    // The comparison is public at once: the next version carries the previous shares.
    const snapshot = await anonymous.get(`/api/public/elections/${electionId}`);
    expect(snapshot.body.previousElectionName).toBe('Bundestagswahl 2021');
    expect(snapshot.body.version).toBe(1);
    const town = snapshot.body.results.find((r: { areaId: string }) => r.areaId === 'municipality');
    const spd = town.contests[1].lists.find((list: { listId: string }) => list.listId === 'spd');
    expect(spd.previousPercent).toBe(percent(sum(file2021.rows, 'F2'), sum(file2021.rows, 'F')));
    expect(town.previousTurnoutPercent).toBe(percent(sum(file2021.rows, 'B'), sum(file2021.rows, 'A')));
    const lohberg2021 = file2021.rows.find((row) => row['gebiet-nr'] === '101')!;
    const lohberg = snapshot.body.results.find(
      (r: { areaId: string }) => r.areaId === snapshot.body.areas.find((a: { number: string }) => a.number === '101').id,
    );
    expect(lohberg.contests[1].lists.find((list: { listId: string }) => list.listId === 'grune').previousPercent).toBe(
      percent(Number(lohberg2021['F5']), Number(lohberg2021['F'])),
    );
  });

  it('should refuse a file that is not in the open-data layout, naming the problem', async () => {
    const bad = await office.clerk.post(`/api/elections/${electionId}/previous-election`, {
      name: 'X',
      electionDay: '2021-09-26',
      csv: 'version;bezirk-nr\n1;2\n',
      ballotRows: ['CDU'],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].message).toContain('Kopfzeile');
    const foreign = await createOfficeWithStaff(testApp, '03159017', 'Nachbarort');
    const refused = await foreign.clerk.post(`/api/elections/${electionId}/previous-election`, {
      name: 'X',
      electionDay: '2021-09-26',
      csv: readGoettingen(GOETTINGEN_2021),
      ballotRows: ['CDU'],
    });
    expect(refused.status).toBe(404);
  });

  it('should reproduce the city’s 2025 district file after election night, cell by cell', { timeout: 120_000 }, async () => {
    const districts = new Map<string, string>(
      (await testApp.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId])).map(
        (row: { id: string; number: string }) => [row.number, row.id],
      ),
    );
    const replay = async (row: CsvRow) => {
      const url = `/api/elections/${electionId}/districts/${districts.get(row['gebiet-nr']!)}/reports`;
      let entered = await office.clerk.post(url, { ...goettingenReport(row), expectedVersion: 0 });
      if (entered.status === 422 && entered.body.errors.every((e: { severity?: string }) => e.severity === 'warning')) {
        const confirmations = [...new Set(entered.body.errors.map((e: { rule: string }) => e.rule))].map((rule) => ({
          rule,
          comment: 'Mit der Niederschrift abgeglichen.',
        }));
        entered = await office.clerk.post(url, { ...goettingenReport(row), expectedVersion: 0, confirmations });
      }
      if (entered.status !== 201) throw new Error(`${row['gebiet-nr']}: ${entered.status} ${JSON.stringify(entered.body)}`);
      const approved = await office.officeAdmin.post(`${url}/${entered.body.version}/approve`);
      if (approved.status !== 200) throw new Error(`${row['gebiet-nr']}: approval ${approved.status}`);
    };
    for (let start = 0; start < file2025.rows.length; start += CONCURRENCY)
      await Promise.all(file2025.rows.slice(start, start + CONCURRENCY).map(replay));

    await expect
      .poll(async () => (await anonymous.get(`/api/public/elections/${electionId}`)).body.status, { timeout: 5000 })
      .toBe('provisional-final');
    const download = await anonymous.get(`/api/public/elections/${electionId}/open-data/wahlbezirk.csv`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toContain('Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv');
    const ours = (download.body as string).replace(/\n$/, '').split('\n');
    // The city's export has ballot rows up to 23 (17–23 always empty); ours ends with the last list (16).
    const width = 17 + 2 * BALLOT_2025.length;
    expect(ours).toHaveLength(file2025.lines.length + 1);
    expect(ours[0]).toBe(file2025.header.slice(0, width).join(';'));
    ours.slice(1).forEach((line, index) => {
      const theirs = file2025.lines[index]!.split(';');
      expect(line).toBe(theirs.slice(0, width).join(';'));
      expect(theirs.slice(width).every((cell) => cell === '')).toBe(true);
    });
  });

  it('should give the municipality level as the sums of the district file', async () => {
    const download = await anonymous.get(`/api/public/elections/${electionId}/open-data/gemeinde.csv`);
    expect(download.status).toBe(200);
    const [header, row, ...rest] = (download.body as string).replace(/\n$/, '').split('\n');
    expect(rest).toEqual([]);
    const cells = Object.fromEntries(row!.split(';').map((cell, index) => [header!.split(';')[index]!, cell]));
    expect(cells).toMatchObject({
      datum: '23.02.2025',
      wahl: 'Bundestagswahl',
      ags: '03159016',
      'gebiet-nr': '03159016',
      'gebiet-name': 'Stadt Göttingen',
    });
    expect(cells['max-schnellmeldungen']).toBe(String(file2025.rows.length));
    expect(cells['anz-schnellmeldungen']).toBe(String(file2025.rows.length));
    for (const column of ['A1', 'A2', 'A3', 'A', 'B', 'B1', 'C', 'D', 'E', 'F', 'D1', 'F1', 'F16', 'D14'])
      expect(cells[column], column).toBe(String(sum(file2025.rows, column)));
    expect(cells['D7']).toBe('');
  });

  it('should name the list behind every column in listen.json', async () => {
    const lists = await anonymous.get(`/api/public/elections/${electionId}/open-data/listen.json`);
    expect(lists.status).toBe(200);
    expect(lists.body).toMatchObject({ electionId, wahl: 'Bundestagswahl', datum: '2025-02-23', ags: '03159016' });
    const [erst, zweit] = lists.body.contests;
    expect([erst.invalidColumn, erst.validColumn, zweit.invalidColumn, zweit.validColumn]).toEqual(['C', 'D', 'E', 'F']);
    expect(zweit.lists.map((list: { column: string; shortName: string }) => `${list.column}=${list.shortName}`)).toEqual(
      BALLOT_2025.map((name, index) => `F${index + 1}=${name}`),
    );
    expect(erst.lists.find((list: { listId: string }) => list.listId === listKey2025(10)).column).toBe('D10');
  });

  it('should answer a download with 304 when nothing changed', async () => {
    const first = await anonymous.get(`/api/public/elections/${electionId}/open-data/wahlkreis.csv`);
    expect(first.status).toBe(200);
    // No constituency in this election: the header only.
    expect(first.body).toBe(`${file2025.header.slice(0, 17 + 2 * BALLOT_2025.length).join(';')}\n`);
    const again = await anonymous.get(`/api/public/elections/${electionId}/open-data/wahlkreis.csv`, {
      'if-none-match': first.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
    expect((await anonymous.get(`/api/public/elections/${electionId}/open-data/passwords.csv`)).status).toBe(404);
  });
});
