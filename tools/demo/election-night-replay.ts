// `npm run demo:night`: replays the real Bundestagswahl 2025 of the City of Karlsruhe (272 district
// results of the city's election-night export, ../shared/data/karlsruhe) against a running server
// (`npm start` in another terminal), district by district over a few minutes: each board signs in
// with its access code, one member enters the quick report, a second member confirms it; one
// district is entered with two figures swapped and corrected by the office later. Watch the public
// page and the office dashboard fill up.
//
// Options: --url http://localhost:3000  --minutes 4  --admin-password …  (or WAHL_ADMIN_PASSWORD; only
// needed the first time, to create the Karlsruhe office)  --office-password …  (the office accounts
// the script creates; default below). Running it again continues with the districts still missing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElectionDefinition } from '@wahl/domain';
import { karlsruheReport, readKarlsruheResults, type ResultRow } from '../examples/karlsruhe-results';
import { ApiError, WahlApiClient } from '../examples/wahl-api-client';

const option = (name: string, fallback?: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};

const BASE_URL = (option('url', 'http://localhost:3000') ?? '').replace(/\/$/, '');
const MINUTES = Number(option('minutes', '4'));
const ADMIN_PASSWORD = option('admin-password', process.env['WAHL_ADMIN_PASSWORD']);
const OFFICE_PASSWORD = option('office-password', 'karlsruhe-demo-2025')!;
const AGS = '08212000';
const USERS = [
  { username: 'karlsruhe-wahlamt', displayName: 'Wahlamt Karlsruhe (Demo)', role: 'office-admin' },
  { username: 'karlsruhe-sachbearbeitung', displayName: 'Sachbearbeitung Karlsruhe (Demo)', role: 'clerk' },
] as const;

const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function officeClients(): Promise<{ officeAdmin: WahlApiClient; clerk: WahlApiClient }> {
  try {
    return {
      officeAdmin: await WahlApiClient.signIn(BASE_URL, USERS[0].username, OFFICE_PASSWORD),
      clerk: await WahlApiClient.signIn(BASE_URL, USERS[1].username, OFFICE_PASSWORD),
    };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
  }
  if (!ADMIN_PASSWORD) {
    throw new Error(
      'Das Wahlamt Karlsruhe ist noch nicht angelegt. Bitte einmal mit dem Passwort des Benutzers "admin" starten: ' +
        'npm run demo:night -- --admin-password … (oder WAHL_ADMIN_PASSWORD setzen; es steht beim ersten Start von npm start in der Ausgabe).',
    );
  }
  const provider = await WahlApiClient.signIn(BASE_URL, 'admin', ADMIN_PASSWORD);
  const offices = await provider.request<{ id: string; ags: string }[]>('GET', '/api/offices');
  const office =
    offices.find((candidate) => candidate.ags === AGS) ??
    (await provider.request<{ id: string }>('POST', '/api/offices', { name: 'Stadt Karlsruhe', ags: AGS, level: 'municipality' }));
  const existing = await provider.request<{ username: string }[]>('GET', `/api/offices/${office.id}/users`);
  for (const user of USERS) {
    if (existing.some((candidate) => candidate.username === user.username)) continue;
    await provider.request('POST', `/api/offices/${office.id}/users`, { ...user, password: OFFICE_PASSWORD });
    say(`Benutzer ${user.username} angelegt (Passwort: ${OFFICE_PASSWORD}).`);
  }
  return officeClients();
}

type DistrictStatus = { districtId: string; number: string; state: string };

/** Polling districts first, postal districts after (they are counted later in the evening); a fixed shuffle within. */
function replayOrder(rows: readonly ResultRow[], document: ElectionDefinition): ResultRow[] {
  const kind = new Map(document.districts.map((district) => [district.number, district.kind]));
  const rank = (row: ResultRow) => (kind.get(row['bezirk-nr']!) === 'postal' ? 1 : 0);
  // FNV-1a: a fixed, well-mixed order, the same on every run.
  const scramble = (number: string) =>
    [...number].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261);
  return [...rows].sort((a, b) => rank(a) - rank(b) || scramble(a['bezirk-nr']!) - scramble(b['bezirk-nr']!));
}

/** The board's entry with two list figures swapped (sums unchanged): passes the checks, wrong all the same. */
function withSwappedFigures(report: ReturnType<typeof karlsruheReport>) {
  const [first, second] = report.contests;
  const votes = { ...second!.votes };
  const [a, b] = Object.keys(votes);
  [votes[a!], votes[b!]] = [votes[b!]!, votes[a!]!];
  return { ...report, contests: [first!, { ...second!, votes }] };
}

async function main(): Promise<void> {
  say(`Wahlabend-Demo: Bundestagswahl 2025, Stadt Karlsruhe, gegen ${BASE_URL}`);
  const { officeAdmin, clerk } = await officeClients();
  const document = JSON.parse(readFileSync(resolve(__dirname, '../../examples/karlsruhe-btw2025.json'), 'utf8')) as ElectionDefinition;
  const elections = await clerk.request<{ id: string; name: string; electionDay: string }[]>('GET', '/api/elections');
  let election = elections.find((candidate) => candidate.name === document.name && candidate.electionDay === document.electionDay);
  if (!election) {
    election = await clerk.request<{ id: string; name: string; electionDay: string }>('POST', '/api/elections', document);
    say(`Wahl „${document.name}“ angelegt.`);
  }
  const electionId = election.id;
  const status = await officeAdmin.request<{ districts: DistrictStatus[] }>('GET', `/api/elections/${electionId}/districts/status`);
  const byNumber = new Map(status.districts.map((district) => [district.number, district]));
  const open = replayOrder(readKarlsruheResults(), document).filter((row) => byNumber.get(row['bezirk-nr']!)?.state === 'missing');
  if (open.length === 0) {
    say(
      'Alle Wahlbezirke sind bereits gemeldet. Für einen neuen Durchlauf die Wahl im Wahlamt löschen oder eine frische Datenbank nehmen.',
    );
    return;
  }
  const generated = await officeAdmin.request<{ codes: { code: string; districts: { id: string; number: string }[] }[] }>(
    'POST',
    `/api/elections/${electionId}/board-codes`,
    {
      codes: open.map((row) => ({ districtIds: [byNumber.get(row['bezirk-nr']!)!.districtId] })),
    },
  );
  const codeOf = new Map(generated.codes.map((code) => [code.districts[0]!.number, code.code]));
  say(
    `${open.length} Wahlbezirke offen; Ergebnisseite: ${BASE_URL}/  ·  Wahlamt: ${BASE_URL}/office/ (Benutzer ${USERS[0].username}, Passwort ${OFFICE_PASSWORD})`,
  );

  const pace = (MINUTES * 60_000) / open.length;
  const corrected = open[Math.min(5, open.length - 1)]!['bezirk-nr']!;
  let pendingCorrection: { districtId: string; version: number; report: ReturnType<typeof karlsruheReport>; dueAt: number } | null = null;
  const started = Date.now();
  for (const [index, row] of open.entries()) {
    const number = row['bezirk-nr']!;
    const districtId = byNumber.get(number)!.districtId;
    const report = karlsruheReport(row, document);
    const chair = await WahlApiClient.signInBoard(BASE_URL, codeOf.get(number)!, `Wahlvorstand ${number}`);
    const deputy = await WahlApiClient.signInBoard(BASE_URL, codeOf.get(number)!, `Stellvertretung ${number}`);
    const swapped = number === corrected;
    const entered = await chair.client.enterReport(electionId, districtId, swapped ? withSwappedFigures(report) : report);
    await deputy.client.approve(electionId, districtId, entered.version);
    say(
      `${String(index + 1).padStart(3)}/${open.length}  Wahlbezirk ${number} ${row['bezirk-name']} – bestätigt${swapped ? ' (mit vertauschten Zweitstimmen)' : ''}`,
    );
    if (swapped) pendingCorrection = { districtId, version: entered.version, report, dueAt: Date.now() + 20_000 };
    if (pendingCorrection && Date.now() >= pendingCorrection.dueAt) {
      await clerk.enterReport(electionId, pendingCorrection.districtId, pendingCorrection.report, {
        reason: 'Zweitstimmen zweier Listen beim Übertragen vertauscht; laut Niederschrift korrigiert.',
        expectedVersion: pendingCorrection.version,
      });
      say(`       Wahlamt korrigiert Wahlbezirk ${corrected}: vertauschte Zweitstimmen nach der Niederschrift berichtigt.`);
      pendingCorrection = null;
    }
    const due = started + (index + 1) * pace;
    if (due > Date.now()) await sleep(due - Date.now());
  }
  if (pendingCorrection) {
    await clerk.enterReport(electionId, pendingCorrection.districtId, pendingCorrection.report, {
      reason: 'Zweitstimmen zweier Listen beim Übertragen vertauscht; laut Niederschrift korrigiert.',
      expectedVersion: pendingCorrection.version,
    });
    say(`Wahlamt korrigiert Wahlbezirk ${corrected}.`);
  }
  say(`Fertig nach ${((Date.now() - started) / 60_000).toFixed(1)} Minuten: alle Wahlbezirke gemeldet. Ergebnisse: ${BASE_URL}/`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
