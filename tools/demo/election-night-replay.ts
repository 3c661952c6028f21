// `npm run demo:night`: replays the real Bundestagswahl 2025 of the City of Karlsruhe (272 district
// results of the city's election-night export, shipped in data/demo/karlsruhe) against a running
// server (`npm start` in another terminal), district by district over a few minutes: each board signs
// in with its access code, one member enters the quick report, a second member confirms it; one
// district is entered with two figures swapped and corrected by the office later. Watch the public
// page and the office dashboard fill up. Options: `--help` (night-setup.ts). Every check runs before
// anything is created; running it again continues with the districts still missing.
import type { ElectionDefinition } from '@wahl/domain';
import { karlsruheReport, type ResultRow } from '../examples/karlsruhe-results';
import { WahlApiClient } from '../examples/wahl-api-client';
import { checkNightServer, loadNightData, NIGHT_HELP, NIGHT_USERS, NightCheckFailed, parseNightOptions, setUpNight } from './night-setup';

const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

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
  const options = parseNightOptions(process.argv.slice(2));
  if (options === 'help') {
    say(NIGHT_HELP);
    return;
  }
  const { url: BASE_URL, minutes: MINUTES, officePassword: OFFICE_PASSWORD } = options;
  say(`Wahlabend-Demo: Bundestagswahl 2025, Stadt Karlsruhe, gegen ${BASE_URL}`);
  const { document, rows } = loadNightData(options.dataDir);
  const plan = await checkNightServer(options, document);
  const { officeAdmin, clerk, electionId } = await setUpNight(options, document, plan, say);
  const status = await officeAdmin.request<{ districts: DistrictStatus[] }>('GET', `/api/elections/${electionId}/districts/status`);
  const byNumber = new Map(status.districts.map((district) => [district.number, district]));
  const open = replayOrder(rows, document)
    .filter((row) => byNumber.get(row['bezirk-nr']!)?.state === 'missing')
    .slice(0, options.districts);
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
    `${open.length} Wahlbezirke offen; Ergebnisseite: ${BASE_URL}/  ·  Wahlamt: ${BASE_URL}/office/ (Benutzer ${NIGHT_USERS[0].username}, Passwort ${OFFICE_PASSWORD})`,
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
  const left =
    open.length < status.districts.filter((district) => district.state === 'missing').length
      ? 'weitere mit einem neuen Lauf'
      : 'alle Wahlbezirke gemeldet';
  say(
    `Fertig nach ${((Date.now() - started) / 60_000).toFixed(1)} Minuten: ${open.length} Wahlbezirke gemeldet, ${left}. Ergebnisse: ${BASE_URL}/`,
  );
}

main().catch((error: unknown) => {
  const nothingCreated = error instanceof NightCheckFailed ? '\nEs wurde nichts angelegt.' : '';
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}${nothingCreated}\n`);
  process.exit(1);
});
