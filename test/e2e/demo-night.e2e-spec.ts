import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KARLSRUHE_RESULTS_DIR } from '../../tools/examples/karlsruhe-results';
import { loadNightData, NightCheckFailed } from '../../tools/demo/night-setup';
import { adminClient } from '../support/offices';
import { login, type HttpClient } from '../support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';

// `npm run demo:night` on a fresh clone: its data ship in data/demo/karlsruhe, every check runs before
// anything is created, and a failing run leaves the server as it was. The script runs as a child
// process against a real server, as a user would start it.

type Run = { code: number | null; stdout: string; stderr: string };

const runNight = (...args: string[]): Promise<Run> =>
  new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/demo/election-night-replay.ts', ...args], {
      env: { ...process.env, WAHL_ADMIN_PASSWORD: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });

const RESULTS_FILE = readdirSync(KARLSRUHE_RESULTS_DIR).find((name) => name.endsWith('.csv'))!;
const BOUNDARIES_FILE = 'WahlbezirkeLTW2021Karlsruhe.geojson';

/** A copy of the shipped data with `edit` applied to the lines of the results file. */
function editedData(edit: (lines: string[]) => string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'wahl-demo-night-'));
  const lines = readFileSync(join(KARLSRUHE_RESULTS_DIR, RESULTS_FILE), 'utf8').split('\r\n');
  writeFileSync(join(dir, RESULTS_FILE), edit(lines).join('\r\n'));
  return dir;
}

const problemsOf = (work: () => unknown): readonly string[] => {
  try {
    work();
  } catch (error) {
    if (error instanceof NightCheckFailed) return error.problems;
    throw error;
  }
  throw new Error('no check failed');
};

describe('demo:night data checks', () => {
  it('should find a valid report for every one of the 272 districts in the shipped data', () => {
    const { document, rows } = loadNightData(KARLSRUHE_RESULTS_DIR);
    expect(rows).toHaveLength(272);
    expect(new Set(rows.map((row) => row['bezirk-nr']))).toEqual(new Set(document.districts.map((district) => district.number)));
  });

  it('should ship only the results file and the map boundaries, with their attribution and licence beside them', () => {
    expect(readdirSync(KARLSRUHE_RESULTS_DIR).sort()).toEqual([RESULTS_FILE, BOUNDARIES_FILE, 'SOURCE.md'].sort());
    const source = readFileSync(join(KARLSRUHE_RESULTS_DIR, 'SOURCE.md'), 'utf8');
    expect(source).toContain('Datenlizenz Deutschland – Namensnennung – Version 2.0');
    expect(source).toContain(RESULTS_FILE);
    expect(source).toContain(BOUNDARIES_FILE);
  });

  it('should name the line and column of a malformed count, an unknown district, a broken sum and a missing district', () => {
    const dir = editedData((lines) => {
      const header = lines[0]!.split(';');
      const cells = (index: number) => lines[index]!.split(';');
      const set = (row: string[], column: string, value: string) => (row[header.indexOf(column)] = value);
      const malformed = cells(1);
      set(malformed, 'B', 'viele');
      const unknown = cells(2);
      set(unknown, 'bezirk-nr', '99999');
      const broken = cells(3);
      set(broken, 'D', String(Number(broken[header.indexOf('D')]) + 1)); // valid ≠ sum of the list votes (P5)
      return [lines[0]!, malformed.join(';'), unknown.join(';'), broken.join(';'), ...lines.slice(4)];
    });
    const problems = problemsOf(() => loadNightData(dir));
    expect(problems[0]).toBe('Zeile 2, Spalte B: „viele“ ist keine Anzahl.');
    expect(problems[1]).toBe('Zeile 3: Wahlbezirk „99999“ gibt es in der Wahl nicht.');
    expect(problems[2]).toMatch(/^Zeile 4 \(Wahlbezirk \d+\), P\d+: /);
    expect(problems.at(-1)).toMatch(/^Wahlbezirke ohne Ergebnis in der Ergebnisdatei: \d+\.$/);
  });

  it('should refuse a folder without the results file', () => {
    const empty = mkdtempSync(join(tmpdir(), 'wahl-demo-night-empty-'));
    expect(problemsOf(() => loadNightData(empty))[0]).toMatch(/^Die Ergebnisdatei fehlt oder ist unlesbar/);
  });
});

describe('npm run demo:night against a running server', () => {
  let testApp: TestApp;
  let admin: HttpClient;

  const karlsruheOffices = async () =>
    ((await admin.get('/api/offices')).body as { ags: string }[]).filter((office) => office.ags === '08212000');

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await adminClient(testApp);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should print its options with --help and refuse unknown ones', async () => {
    const help = await runNight('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--admin-password PASS');
    expect(help.stdout).toContain('--districts N');
    expect(help.stdout).toContain('--probe');
    const wrong = await runNight('--minuten', '3');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Unbekannte Option „--minuten“ (siehe --help).');
  });

  it('should create nothing when the server is not reachable, the admin password is wrong or the data are broken', async () => {
    const unreachable = await runNight('--url', 'http://127.0.0.1:9');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Der Server unter http://127.0.0.1:9 antwortet nicht');

    const noPassword = await runNight('--url', testApp.baseUrl);
    expect(noPassword.stderr).toContain('Das Wahlamt Karlsruhe ist noch nicht angelegt.');

    const wrongPassword = await runNight('--url', testApp.baseUrl, '--admin-password', 'falsch');
    expect(wrongPassword.code).toBe(1);
    expect(wrongPassword.stderr).toContain('Das Passwort des Benutzers "admin" stimmt nicht');
    expect(wrongPassword.stderr).toContain('Es wurde nichts angelegt.');

    const emptyData = mkdtempSync(join(tmpdir(), 'wahl-demo-night-empty-'));
    const missingData = await runNight('--url', testApp.baseUrl, '--admin-password', TEST_ADMIN_PASSWORD, '--data', emptyData);
    expect(missingData.code).toBe(1);
    expect(missingData.stderr).toContain('Die Ergebnisdatei fehlt oder ist unlesbar');

    expect(await karlsruheOffices()).toEqual([]);
  });

  it('should set up the office and the election once, replay districts and continue on the next run', { timeout: 120_000 }, async () => {
    const first = await runNight('--url', testApp.baseUrl, '--admin-password', TEST_ADMIN_PASSWORD, '--minutes', '0', '--districts', '2');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Wahl „');
    expect(first.stdout).toContain('2 Wahlbezirke gemeldet, weitere mit einem neuen Lauf');
    expect(await karlsruheOffices()).toHaveLength(1);

    // The second run needs no admin password: the office's demo accounts exist.
    const second = await runNight('--url', testApp.baseUrl, '--minutes', '0', '--districts', '1');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('angelegt');

    const clerk = await login(testApp.baseUrl, 'karlsruhe-sachbearbeitung', 'karlsruhe-demo-2025');
    const elections = (await clerk.get('/api/elections')).body as { id: string }[];
    expect(elections).toHaveLength(1);
    const status = await clerk.get(`/api/elections/${elections[0]!.id}/districts/status`);
    expect(status.body.counted).toBe(3);
    expect(status.body.districts).toHaveLength(272);

    // A rehearsal cannot start over the live night's results (docs/REHEARSAL.md).
    const probe = await runNight('--url', testApp.baseUrl, '--minutes', '0', '--districts', '1', '--probe');
    expect(probe.code).toBe(1);
    expect(probe.stderr).toContain('bereits Ergebnisse des echten Wahlabends');
    expect((await clerk.get(`/api/elections/${elections[0]!.id}/results-phase`)).body).toMatchObject({ phase: 'live' });
  });
});
