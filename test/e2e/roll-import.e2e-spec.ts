import * as iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { createDemoElection, csvLines, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// The register import through the API (multipart and text/csv), with the failure cases of the issue:
// each checked for its German report (line, column, value, reason) and for importing nothing.
describe('register import', () => {
  let testApp: TestApp;
  let demo: DemoElection;
  let intruder: OfficeWithStaff;
  let csv: string;
  let lines: string[];
  const RESIDENTS = 1500;

  const rowsOf = async (electionId: string): Promise<number> => {
    const [row] = await testApp.dataSource.query(
      'SELECT count(*)::int AS n FROM register_rows r JOIN register_imports i ON i.id = r.import_id WHERE i.election_id = $1',
      [electionId],
    );
    return row.n as number;
  };
  const withLines = (edit: (lines: string[]) => string[]): string => edit([...lines]).join('\n') + '\n';

  beforeAll(async () => {
    testApp = await startTestApp();
    demo = await createDemoElection(testApp);
    intruder = await createOfficeWithStaff(testApp, '08999102', 'Großdorf');
    csv = registerCsv(demo.definition, RESIDENTS, 'import-spec');
    lines = csvLines(csv);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should import a generated register uploaded as multipart in one job', async () => {
    const result = await uploadRegister(demo.office.clerk, demo.electionId, csv);
    expect(result.status).toBe(201);
    const job = result.body;
    expect(job).toMatchObject({
      status: 'succeeded',
      source: 'upload',
      fileName: 'melderegister.csv',
      encoding: 'utf-8',
      recordsRead: RESIDENTS,
      rowsImported: RESIDENTS,
    });
    expect(job.rowsRejected).toBe(0);
    expect(job.errors).toEqual([]);
    expect(job.residentsEntered).toBeGreaterThan(RESIDENTS / 2);
    expect(job.residentsUnassigned).toBeGreaterThan(0); // the generator places a few households off every segment
    expect(job.progress).toMatchObject({ unit: 'bytes', percent: 100 });
    expect(job.progress.done).toBe(Buffer.byteLength(csv));
    expect(await rowsOf(demo.electionId)).toBe(RESIDENTS);

    const read = await demo.office.clerk.get(`/api/elections/${demo.electionId}/register-imports/${job.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: job.id, status: 'succeeded', rowsImported: RESIDENTS });
    const list = await demo.office.officeAdmin.get(`/api/elections/${demo.electionId}/register-imports`);
    expect(list.body.map((j: { id: string }) => j.id)).toContain(job.id);
  });

  it('should recognise the same content again and change nothing', async () => {
    const again = await uploadRegister(demo.office.clerk, demo.electionId, csv, { multipart: false });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'succeeded', unchanged: true, rowsImported: 0 });
    expect(again.body.message).toContain('nichts geändert');
    expect(await rowsOf(demo.electionId)).toBe(RESIDENTS);
  });

  it('should import the CSV sent as a text/csv body', async () => {
    const changed = withLines((l) => l.slice(0, 201));
    const result = await uploadRegister(demo.office.clerk, demo.electionId, changed, { multipart: false });
    expect(result.body).toMatchObject({ status: 'succeeded', unchanged: false, rowsImported: 200 });
    // Rows of an import that is no longer current (and no roll was built from) are pruned.
    expect(await rowsOf(demo.electionId)).toBe(200);
  });

  it('should refuse Windows-1252 bytes declared as UTF-8 with a clear error, and read them in auto mode', async () => {
    const latin = withLines((l) => [
      l[0]!,
      ...l.slice(1, 51),
      '99999901;Müßig;Jörg;;01.02.1960;m;DE;00010;Ackerstraße;5;;71994;Wahlingen;H;;;0;0',
    ]);
    const bytes = iconv.encode(latin, 'win1252');
    const declared = await uploadRegister(demo.office.clerk, demo.electionId, bytes, { encoding: 'utf-8' });
    expect(declared.body.status).toBe('failed');
    expect(declared.body.errors[0].reason).toMatch(/nicht gültig in UTF-8 kodiert: Zeile 2 enthält das Byte 0x/);
    expect(declared.body.errors[0].reason).toContain('Windows-1252');

    const detected = await uploadRegister(demo.office.clerk, demo.electionId, bytes, { encoding: 'auto' });
    expect(detected.body).toMatchObject({ status: 'succeeded', encoding: 'windows-1252', rowsImported: 51 });
    const [row] = await testApp.dataSource.query(
      `SELECT family_name, given_names, street FROM register_rows WHERE import_id = $1 AND person_id = '99999901'`,
      [detected.body.id],
    );
    expect(row).toEqual({ family_name: 'Müßig', given_names: 'Jörg', street: 'Ackerstraße' });
  });

  it('should fail without the data of a missing required column and name it', async () => {
    const header = lines[0]!.split(';');
    const drop = header.indexOf('geburtsdatum');
    const cut = (line: string) =>
      line
        .split(';')
        .filter((_, i) => i !== drop)
        .join(';');
    const result = await uploadRegister(
      demo.office.clerk,
      demo.electionId,
      withLines((l) => l.slice(0, 11).map(cut)),
    );
    expect(result.body.status).toBe('failed');
    expect(result.body.errors).toEqual([
      { line: 1, column: 'geburtsdatum', value: '', reason: 'Die Pflichtspalte „geburtsdatum“ fehlt in der Kopfzeile.' },
    ]);
    expect(result.body.rowsImported).toBe(0);
  });

  it('should report 31.02.2000 with line, column, value and reason and import nothing', async () => {
    const before = await rowsOf(demo.electionId);
    const bad = withLines((l) => {
      const fields = l[3]!.split(';');
      fields[4] = '31.02.2000';
      l[3] = fields.join(';');
      return l.slice(0, 21);
    });
    const result = await uploadRegister(demo.office.clerk, demo.electionId, bad);
    expect(result.body.status).toBe('failed');
    expect(result.body.errors).toEqual([
      { line: 4, column: 'geburtsdatum', value: '31.02.2000', reason: 'Das Datum 31.02.2000 gibt es nicht.' },
    ]);
    expect(result.body.message).toContain('Es wurde nichts übernommen');
    expect(await rowsOf(demo.electionId)).toBe(before);
  });

  it('should report every line of a duplicate person_id', async () => {
    const duplicate = withLines((l) => {
      const copy = l[5]!.split(';');
      copy[1] = 'Anders';
      return [...l.slice(0, 11), copy.join(';')];
    });
    const personId = lines[5]!.split(';')[0];
    const result = await uploadRegister(demo.office.clerk, demo.electionId, duplicate);
    expect(result.body.status).toBe('failed');
    expect(result.body.errors.map((e: { line: number; column: string; value: string }) => [e.line, e.column, e.value])).toEqual([
      [6, 'person_id', personId],
      [12, 'person_id', personId],
    ]);
    expect(result.body.errors[0].reason).toBe('Die person_id kommt mehrfach vor (Zeilen 6, 12); keiner dieser Datensätze wird übernommen.');
  });

  it('should fail an empty file and a file with only the header', async () => {
    const empty = await uploadRegister(demo.office.clerk, demo.electionId, '');
    expect(empty.body).toMatchObject({ status: 'failed', errors: [{ line: 1, column: null, reason: 'Die Datei ist leer.' }] });
    const headerOnly = await uploadRegister(demo.office.clerk, demo.electionId, `${lines[0]}\n`);
    expect(headerOnly.body).toMatchObject({
      status: 'failed',
      errors: [{ line: 2, reason: 'Die Datei enthält nur die Kopfzeile und keine Einwohnerdaten.' }],
    });
  });

  it('should report a line with too many fields and a quoting error', async () => {
    const broken = withLines((l) => {
      l[2] = `${l[2]};überzählig`;
      const fields = l[4]!.split(';');
      fields[1] = 'Sch"midt';
      l[4] = fields.join(';');
      return l.slice(0, 8);
    });
    const result = await uploadRegister(demo.office.clerk, demo.electionId, broken);
    expect(result.body.status).toBe('failed');
    expect(result.body.errors).toEqual([
      { line: 3, column: null, value: '', reason: 'Die Zeile hat mehr als 18 Felder.' },
      { line: 5, column: 'familienname', value: '', reason: 'Ein Anführungszeichen steht mitten in einem Feld ohne Anführungszeichen.' },
    ]);
  });

  it('should reject a 10 MB line early with a clear message and go on with the next lines', async () => {
    const huge = `${lines[1]!.slice(0, 20)}${'x'.repeat(10 * 1024 * 1024)}`;
    const content = [lines[0], lines[1], huge, lines[2], ''].join('\n');
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await uploadRegister(demo.office.clerk, demo.electionId, content);
    expect(result.body.status).toBe('failed');
    expect(result.body.errors).toEqual([
      { line: 3, column: null, value: '', reason: 'Die Zeile ist länger als 8192 Zeichen und wurde nicht gelesen.' },
    ]);
    expect(result.body.recordsRead).toBe(3);
    // The request body itself is 10 MB (and the test holds it); the import must not add a copy of it as text (20 MB).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(15 * 1024 * 1024);
  });

  it('should stop listing after 100 problems and count the rest', async () => {
    const many = withLines((l) => l.map((line, i) => (i === 0 ? line : line.replace(/;(\d{2})\.(\d{2})\.(\d{4});/, ';$1.13.$3;'))));
    const result = await uploadRegister(demo.office.clerk, demo.electionId, many);
    expect(result.body.status).toBe('failed');
    expect(result.body.errors).toHaveLength(100);
    expect(result.body.errorCount).toBeGreaterThanOrEqual(RESIDENTS);
  });

  it('should import the good rows with skipInvalid and offer the bad ones as a report', async () => {
    const mixed = withLines((l) => {
      const bad = l[3]!.split(';');
      bad[4] = '31.02.2000';
      l[3] = bad.join(';');
      l[7] = `${l[7]};zu viel`;
      const duplicate = l[9]!;
      return [...l.slice(0, 41), duplicate];
    });
    const result = await uploadRegister(demo.office.clerk, demo.electionId, mixed, { skipInvalid: true });
    expect(result.body).toMatchObject({ status: 'succeeded', skipInvalid: true, recordsRead: 41, rowsRejected: 4, rowsImported: 37 });
    expect(result.body.rejectedReportUrl).toBe(`/api/elections/${demo.electionId}/register-imports/${result.body.id}/rejected.csv`);
    const report = await demo.office.clerk.get(result.body.rejectedReportUrl);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const reportLines = (report.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(reportLines[0]).toBe('zeile;spalte;wert;grund');
    expect(reportLines.slice(1).map((line) => line.split(';')[0])).toEqual(['4', '8', '10', '42']);
    expect(reportLines[1]).toBe('4;geburtsdatum;31.02.2000;Das Datum 31.02.2000 gibt es nicht.');
  });

  it('should report the problems of a file read in several batches in line order', async () => {
    // 5,000 lines are several batches of the line pass (in worker threads beyond two cores): a bad date
    // in the first, a line too long in the second, a repeated person id whose lines are in different
    // batches (found once all rows are in, so reported last).
    const big = csvLines(registerCsv(demo.definition, 5000, 'import-spec-batches'));
    const bad = big[3]!.split(';');
    bad[4] = '31.02.2000';
    big[3] = bad.join(';');
    big[2500] = `${big[2500]!.slice(0, 20)}${'x'.repeat(9000)}`;
    big[4800] = big[10]!;
    const result = await uploadRegister(demo.office.clerk, demo.electionId, big.join('\n') + '\n', { skipInvalid: true });
    expect(result.body).toMatchObject({ status: 'succeeded', recordsRead: 5000, rowsRejected: 4, rowsImported: 4996 });
    expect(result.body.errors.map((e: { line: number; column: string | null }) => [e.line, e.column])).toEqual([
      [4, 'geburtsdatum'],
      [2501, null],
      [11, 'person_id'],
      [4801, 'person_id'],
    ]);
    expect(await rowsOf(demo.electionId)).toBe(4996);
  });

  it('should answer 404 to another office on every import route and 403 to a board member', async () => {
    const [job] = await testApp.dataSource.query('SELECT id FROM register_imports WHERE election_id = $1 LIMIT 1', [demo.electionId]);
    const base = `/api/elections/${demo.electionId}/register-imports`;
    expect((await uploadRegister(intruder.clerk, demo.electionId, csv)).status).toBe(404);
    expect((await intruder.clerk.get(base)).status).toBe(404);
    expect((await intruder.officeAdmin.get(`${base}/${job.id}`)).status).toBe(404);
    expect((await intruder.clerk.get(`${base}/${job.id}/rejected.csv`)).status).toBe(404);
    expect((await demo.office.boardMember.get(base)).status).toBe(403);
  });
});
