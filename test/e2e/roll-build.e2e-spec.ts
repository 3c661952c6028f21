import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStreetIndex, decideRollEntry, numberVoters, parseRegisterHeader, parseRegisterLine, resolveDeadlines } from '@wahl/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printableHouseNumber } from '../../apps/api/src/modules/roll/import/register-line-pass';
import { RollService } from '../../apps/api/src/modules/roll/roll.service';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { bearerOf, createDemoElection, csvLines, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

type Entry = {
  voter_id: number;
  district: string;
  voter_number: number;
  person_id: string;
  family_name: string;
  given_names: string;
  birth_date: string;
};

// Building the roll from an import, checked against the domain as the oracle: who is entered
// (decideRollEntry), in which district (street index) and with which number (numberVoters).
describe('roll build', () => {
  let testApp: TestApp;
  let demo: DemoElection;
  let intruder: OfficeWithStaff;
  let csv: string;
  const RESIDENTS = 4000;
  const base = () => `/api/elections/${demo.electionId}/roll`;

  const entries = async (): Promise<Entry[]> =>
    testApp.dataSource.query(
      `SELECT e.voter_id, d.number AS district, e.voter_number, e.person_id, e.family_name, e.given_names, e.birth_date::text AS birth_date
       FROM roll_voters e JOIN districts d ON d.id = e.district_id WHERE e.election_id = $1 ORDER BY e.voter_id`,
      [demo.electionId],
    );

  beforeAll(async () => {
    testApp = await startTestApp();
    demo = await createDemoElection(testApp);
    intruder = await createOfficeWithStaff(testApp, '08999102', 'Großdorf');
    csv = registerCsv(demo.definition, RESIDENTS, 'build-spec');
    const imported = await uploadRegister(demo.office.clerk, demo.electionId, csv);
    expect(imported.body.status).toBe('succeeded');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should refuse to show a roll before it is built, then build it', async () => {
    const before = await demo.office.clerk.get(`${base()}/summary`);
    expect(before.body).toMatchObject({ status: 'not-built', builtAt: null });
    const built = await demo.office.clerk.post(`${base()}/build`);
    expect(built.status).toBe(200);
    expect(built.body.residents).toBe(RESIDENTS);
    expect(built.body.voters + built.body.notEntered + built.body.unassigned).toBe(RESIDENTS);
  });

  it('should enter exactly the residents the domain enters, in the district the street directory gives', async () => {
    const { definition } = demo;
    const deadlines = resolveDeadlines(definition.kind, definition.electionDay, definition.deadlines);
    const streets = createStreetIndex(definition.streets);
    const [headerLine, ...dataLines] = csvLines(csv);
    const header = parseRegisterHeader(headerLine!);
    if (!header.ok) throw new Error('header');
    const expected = new Map<string, string>();
    dataLines.forEach((line, i) => {
      const parsed = parseRegisterLine(line, header.value, i + 2);
      if (!parsed.ok) throw new Error(`line ${i + 2}`);
      const r = parsed.value;
      if (!decideRollEntry(r, definition.kind, definition.electionDay, deadlines.rollCutoffDay).entered) return;
      const lookup = streets.find(r.streetKey, printableHouseNumber(r.houseNumber, r.houseNumberSuffix));
      if (lookup.kind === 'match') expected.set(r.personId, lookup.district);
    });
    const actual = new Map((await entries()).map((e) => [e.person_id, e.district]));
    expect(actual.size).toBe(expected.size);
    expect(actual).toEqual(expected);
  });

  it('should keep names and address once, in the register row each entry references, and read them from there', async () => {
    const [headerLine, ...dataLines] = csvLines(csv);
    const header = parseRegisterHeader(headerLine!);
    if (!header.ok) throw new Error('header');
    const byPerson = new Map<string, string>();
    dataLines.forEach((line, i) => {
      const parsed = parseRegisterLine(line, header.value, i + 2);
      if (!parsed.ok) throw new Error(`line ${i + 2}`);
      const r = parsed.value;
      const address = `${r.street} ${printableHouseNumber(r.houseNumber, r.houseNumberSuffix)}, ${r.postalCode} ${r.city}`;
      byPerson.set(r.personId, `${i + 2} ${r.familyName}, ${r.givenNames}; ${address}; ${r.informationBlock}`);
    });
    const copied = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM roll_entries WHERE election_id = $1 AND (family_name IS NOT NULL OR street IS NOT NULL OR city IS NOT NULL)`,
      [demo.electionId],
    );
    expect(copied).toEqual([{ n: 0 }]);
    const read: { person_id: string; entry: string }[] = await testApp.dataSource.query(
      `SELECT person_id, source_line_no || ' ' || family_name || ', ' || given_names || '; ' || street || ' ' || house_number || ', ' ||
         postal_code || ' ' || city || '; ' || information_block AS entry
       FROM roll_voters WHERE election_id = $1`,
      [demo.electionId],
    );
    expect(read.length).toBeGreaterThan(0);
    for (const { person_id: personId, entry } of read) expect(entry).toBe(byPerson.get(personId));
  });

  it('should number every district exactly as numberVoters does (R1.12)', async () => {
    const rows = await entries();
    const numbered = numberVoters(
      rows.map((e) => ({
        personId: e.person_id,
        familyName: e.family_name,
        givenNames: e.given_names,
        birthDate: e.birth_date,
        district: e.district,
      })),
    );
    if (!numbered.ok) throw new Error(numbered.error.code);
    const expected = new Map(numbered.value.map((n) => [n.voter.personId, `${n.district}/${n.voterNumber}`]));
    expect(new Map(rows.map((e) => [e.person_id, `${e.district}/${e.voter_number}`]))).toEqual(expected);
  });

  it('should give the same numbers when built again', async () => {
    const first = (await entries()).map((e) => `${e.voter_id} ${e.district}/${e.voter_number} ${e.person_id}`);
    const again = await demo.office.officeAdmin.post(`${base()}/build`);
    expect(again.status).toBe(200);
    expect((await entries()).map((e) => `${e.voter_id} ${e.district}/${e.voter_number} ${e.person_id}`)).toEqual(first);
  });

  it('should sum up per district and per reason in the summary', async () => {
    const summary = (await demo.office.clerk.get(`${base()}/summary`)).body;
    expect(summary).toMatchObject({ status: 'built', numbersLocked: false, cutoffDay: '2029-01-14' });
    const { totals } = summary;
    expect(totals.residents).toBe(RESIDENTS);
    expect(totals.voters + totals.notEntered + totals.unassigned).toBe(RESIDENTS);
    expect(summary.districts).toHaveLength(40);
    expect(summary.districts.reduce((sum: number, d: { voters: number }) => sum + d.voters, 0)).toBe(totals.voters);
    expect(summary.notEntered.reduce((sum: number, r: { count: number }) => sum + r.count, 0)).toBe(totals.notEntered);
    const reasons = Object.fromEntries(summary.notEntered.map((r: { reason: string; count: number }) => [r.reason, r.count]));
    // A Bundestag roll: children and foreigners are the big groups; every reason has its German label.
    expect(reasons['UNDER_AGE']).toBeGreaterThan(0);
    expect(reasons['NOT_CITIZEN']).toBeGreaterThan(0);
    expect(summary.notEntered.every((r: { label: string }) => r.label.length > 10)).toBe(true);
  });

  it('should list the residents without exactly one district for the clerk, never dropping them', async () => {
    const summary = (await demo.office.clerk.get(`${base()}/summary`)).body;
    const unmatched = (await demo.office.clerk.get(`${base()}/unmatched`)).body;
    expect(unmatched.total).toBe(summary.totals.unassigned);
    expect(unmatched.total).toBeGreaterThan(0);
    for (const item of unmatched.items) {
      expect(['unknown-street', 'invalid-house-number', 'no-segment', 'ambiguous']).toContain(item.problem);
      expect(item.problemLabel).toMatch(/\S/);
    }
    const listed = new Set(unmatched.items.map((i: { line: number }) => i.line));
    const inRoll = await testApp.dataSource.query(
      `SELECT source_line_no FROM roll_entries WHERE election_id = $1 AND source_line_no = ANY($2::int[])`,
      [demo.electionId, [...listed]],
    );
    expect(inRoll).toEqual([]);
  });

  it('should print a district roll as PDF with the fonts for every name, and as CSV', async () => {
    const summary = (await demo.office.clerk.get(`${base()}/summary`)).body;
    const district = summary.districts.find((d: { voters: number }) => d.voters > 20);
    const [first] = (await entries()).filter((e) => e.district === district.number && e.voter_number === 1);
    const pdf = await fetch(`${testApp.baseUrl}${base()}/districts/${district.districtId}/roll.pdf`, {
      headers: await bearerOf(demo.office.clerk),
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/roll-district.pdf', bytes);
    const text = pdfText(bytes);
    expect(text).toContain('Wählerverzeichnis');
    expect(text).toContain(`Wahlbezirk ${district.number}`);
    expect(text).toContain(`${first!.family_name}, ${first!.given_names}`);
    expect(text).toContain('Stimmabgabe');
    expect(text).toContain('Bemerkungen');
    expect(text).toMatch(/Seite 1 von \d+/);

    const csvFile = await demo.office.clerk.get(`${base()}/districts/${district.districtId}/roll.csv`);
    expect(csvFile.status).toBe(200);
    const rows = (csvFile.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('nr;familienname;vornamen;geburtsdatum;anschrift;plz;ort;stimmabgabevermerk;bemerkungen;status');
    expect(rows).toHaveLength(district.voters + 1);
    expect(rows[1]!.startsWith(`1;${first!.family_name};`)).toBe(true);
  });

  it('should find a voter by name and birth date, tolerate ue for ü, and log each lookup in the audit table', async () => {
    const all = await entries();
    const umlaut = all.find((e) => /[äöü]/.test(e.family_name)) ?? all[0]!;
    const written = umlaut.family_name.replace('ä', 'ae').replace('ö', 'oe').replace('ü', 'ue');
    const germanDate = `${umlaut.birth_date.slice(8, 10)}.${umlaut.birth_date.slice(5, 7)}.${umlaut.birth_date.slice(0, 4)}`;
    const found = await demo.office.clerk.post(`${base()}/search`, { familyName: written, birthDate: germanDate });
    expect(found.status).toBe(200);
    expect(found.body.results.map((r: { voterId: number }) => r.voterId)).toContain(umlaut.voter_id);
    const hit = found.body.results.find((r: { voterId: number }) => r.voterId === umlaut.voter_id);
    expect(hit).toMatchObject({
      familyName: umlaut.family_name,
      birthDate: umlaut.birth_date,
      districtNumber: umlaut.district,
      voterNumber: umlaut.voter_number,
      status: 'active',
    });

    const [audit] = await testApp.dataSource.query(
      `SELECT actor_username, action, details FROM roll_audit_entries WHERE election_id = $1 AND action = 'voter-lookup' ORDER BY at DESC LIMIT 1`,
      [demo.electionId],
    );
    expect(audit.actor_username).toBe('u08199001-clerk');
    expect(audit.details.query).toEqual({ familyName: written, givenNames: null, birthDate: umlaut.birth_date });
    expect(audit.details.shownVoterIds).toContain(umlaut.voter_id);

    const bad = await demo.office.clerk.post(`${base()}/search`, { familyName: 'X', birthDate: '31.02.2000' });
    expect(bad.status).toBe(422);
    expect((await demo.office.boardMember.post(`${base()}/search`, { familyName: written, birthDate: germanDate })).status).toBe(403);
  });

  it('should count a Wahlschein as "W" in A2 and print the mark', async () => {
    const rolls = testApp.app.get(RollService);
    const before = (await demo.office.clerk.get(`${base()}/closing-counts`)).body;
    const voter = (await entries())[0]!;
    await rolls.markPostalVote(demo.electionId, voter.voter_id, 'WS-0001');
    const after = (await demo.office.clerk.get(`${base()}/closing-counts`)).body;
    const district = after.districts.find((d: { number: string }) => d.number === voter.district);
    const was = before.districts.find((d: { number: string }) => d.number === voter.district);
    expect(district.A2).toBe(was.A2 + 1);
    expect(district.A1).toBe(was.A1 - 1);
    expect(district.total).toBe(was.total);
    expect(after.A1 + after.A2).toBe(after.total);
    expect((await rolls.closingCounts(demo.electionId)).A2).toBe(after.A2);
    const csvFile = await demo.office.clerk.get(`${base()}/districts/${district.districtId}/roll.csv`);
    const line = (csvFile.body as string).split('\r\n').find((l) => l.startsWith(`${voter.voter_number};`));
    expect(line).toContain(';W;Wahlschein Nr. WS-0001.;eingetragen');
    await expect(rolls.markPostalVote(demo.electionId, 99_999_999, 'WS-0002')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A rebuild would renumber everybody: not once a Wahlschein is marked.
    const rebuild = await demo.office.clerk.post(`${base()}/build`);
    expect(rebuild.status).toBe(409);
    expect(rebuild.body.detail).toContain('Wahlscheine');
  });

  it('should never rebuild once the numbers are locked (R1.14)', async () => {
    await testApp.app.get(RollService).lockNumbers(demo.electionId);
    const rebuild = await demo.office.clerk.post(`${base()}/build`);
    expect(rebuild.status).toBe(409);
    expect(rebuild.body.detail).toContain('gesperrt');
    expect((await demo.office.clerk.get(`${base()}/summary`)).body.numbersLocked).toBe(true);
  });

  it('should answer 404 to another office on every roll route', async () => {
    const district = (await demo.office.clerk.get(`${base()}/summary`)).body.districts[0];
    const proposal = '00000000-0000-4000-8000-000000000000';
    const calls = [
      intruder.clerk.post(`${base()}/build`),
      intruder.clerk.get(`${base()}/summary`),
      intruder.clerk.get(`${base()}/unmatched`),
      intruder.clerk.get(`${base()}/closing-counts`),
      intruder.clerk.get(`${base()}/districts/${district.districtId}/roll.pdf`),
      intruder.clerk.get(`${base()}/districts/${district.districtId}/roll.csv`),
      intruder.clerk.post(`${base()}/search`, { familyName: 'A', birthDate: '01.01.1970' }),
      intruder.clerk.get(`${base()}/change-proposals`),
      intruder.clerk.post(`${base()}/change-proposals/decisions`, { decision: 'reject', reason: 'x' }),
      intruder.clerk.post(`${base()}/change-proposals/${proposal}/decision`, { decision: 'reject', reason: 'x' }),
      intruder.officeAdmin.get(`${base()}/audit`),
      intruder.officeAdmin.post(`/api/elections/${demo.electionId}/register-pulls`, { url: 'http://127.0.0.1:9/' }),
    ];
    expect((await Promise.all(calls)).map((r) => r.status)).toEqual(calls.map(() => 404));
  });
});

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'roll-pdf-'));
  try {
    const file = join(dir, 'roll.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
