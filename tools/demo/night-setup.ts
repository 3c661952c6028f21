// The set-up of `npm run demo:night`: options, then every check (data, server, accounts) before
// anything is created, so a failing run leaves the server as it was (no half-created office or
// empty election). The replay itself is in election-night-replay.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkQuickReport, validateElectionDefinition, type ElectionDefinition } from '@wahl/domain';
import { KARLSRUHE_RESULTS_DIR, karlsruheReport, readKarlsruheResults, type ResultRow } from '../examples/karlsruhe-results';
import { ApiError, WahlApiClient } from '../examples/wahl-api-client';

/** The election the demo replays into (its results ship in data/demo/karlsruhe, see SOURCE.md there). */
export const NIGHT_DOCUMENT = resolve(__dirname, '../../examples/karlsruhe-btw2025.json');

export const NIGHT_USERS = [
  { username: 'karlsruhe-wahlamt', displayName: 'Wahlamt Karlsruhe (Demo)', role: 'office-admin' },
  { username: 'karlsruhe-sachbearbeitung', displayName: 'Sachbearbeitung Karlsruhe (Demo)', role: 'clerk' },
] as const;

export const NIGHT_HELP = `Wahlabend-Demo: spielt die echte Bundestagswahl 2025 der Stadt Karlsruhe (272 Wahlbezirke,
Daten in data/demo/karlsruhe) gegen einen laufenden Server ab (npm start in einem zweiten Terminal).
Je Wahlbezirk meldet ein Mitglied des Wahlvorstands, ein zweites bestätigt; ein Bezirk wird mit
vertauschten Zahlen gemeldet und später vom Wahlamt berichtigt. Ein zweiter Lauf setzt fort.

Aufruf: npm run demo:night -- [Optionen]

  --url URL                 Adresse des Servers (Standard: http://localhost:3000)
  --minutes N               Dauer des Abends in Minuten (Standard: 4; 0 = so schnell wie möglich)
  --admin-password PASS     Passwort des Benutzers "admin" (oder WAHL_ADMIN_PASSWORD); nur beim
                            ersten Lauf nötig, um das Wahlamt Karlsruhe anzulegen
  --office-password PASS    Passwort der Demo-Benutzer des Wahlamts (Standard: karlsruhe-demo-2025)
  --districts N             nur die nächsten N offenen Wahlbezirke melden (Standard: alle)
  --data VERZEICHNIS        Ordner mit der Ergebnisdatei (Standard: data/demo/karlsruhe)
  --probe                   als Probe (Probebetrieb): jede Ergebnisseite, Datei und jeder Webhook trägt
                            „PROBE – keine echten Ergebnisse“; das Wahlamt setzt die Probe danach
                            zurück und wechselt zum echten Wahlabend (Wahlamt → Wahl → „Probe“)
  --help                    diese Hilfe

Vor dem ersten Anlegen prüft das Skript die Daten, den Server und die Zugänge; schlägt eine
Prüfung fehl, wird nichts angelegt.
`;

export type NightOptions = {
  readonly url: string;
  readonly minutes: number;
  /** How many of the open districts this run reports. */
  readonly districts: number;
  readonly adminPassword: string | undefined;
  readonly officePassword: string;
  readonly dataDir: string;
  /** Run the night as a rehearsal (Probe): the election is switched to it before the first report. */
  readonly rehearsal: boolean;
};

/** A check that failed: every German line says what is wrong and what to do. */
export class NightCheckFailed extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const VALUE_OPTIONS = ['url', 'minutes', 'districts', 'admin-password', 'office-password', 'data'] as const;
const FLAG_OPTIONS = ['probe'] as const;

/** The command line, or `'help'`; unknown options and bad values are refused. */
export function parseNightOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): NightOptions | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const values = new Map<string, string>();
  const problems: string[] = [];
  for (let index = 0; index < argv.length; index += 2) {
    const name = argv[index]!.replace(/^--/, '');
    const value = argv[index + 1];
    if (argv[index]!.startsWith('--') && (FLAG_OPTIONS as readonly string[]).includes(name)) {
      values.set(name, 'true');
      index -= 1;
    } else if (!argv[index]!.startsWith('--') || !(VALUE_OPTIONS as readonly string[]).includes(name)) {
      problems.push(`Unbekannte Option „${argv[index]}“ (siehe --help).`);
    } else if (value === undefined || value.startsWith('--')) {
      problems.push(`Der Option --${name} fehlt ein Wert.`);
      index -= 1;
    } else values.set(name, value);
  }
  const url = (values.get('url') ?? 'http://localhost:3000').replace(/\/$/, '');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) problems.push(`--url „${url}“ ist keine http(s)-Adresse.`);
  const minutes = Number(values.get('minutes') ?? '4');
  if (!Number.isFinite(minutes) || minutes < 0) problems.push(`--minutes „${values.get('minutes')}“ ist keine Zahl ab 0.`);
  const districts = Number(values.get('districts') ?? Number.MAX_SAFE_INTEGER);
  if (!Number.isInteger(districts) || districts < 1) problems.push(`--districts „${values.get('districts')}“ ist keine ganze Zahl ab 1.`);
  if (problems.length > 0) throw new NightCheckFailed(problems);
  return {
    url,
    minutes,
    districts,
    adminPassword: values.get('admin-password') ?? env['WAHL_ADMIN_PASSWORD'],
    officePassword: values.get('office-password') ?? 'karlsruhe-demo-2025',
    dataDir: resolve(values.get('data') ?? KARLSRUHE_RESULTS_DIR),
    rehearsal: values.has('probe'),
  };
}

export type NightData = { readonly document: ElectionDefinition; readonly rows: readonly ResultRow[] };

const COUNT = /^\d+$/;

/** The election document and one result row per district, each row a report the API will accept (hard rules P1–P12). */
export function loadNightData(dataDir: string, documentPath: string = NIGHT_DOCUMENT): NightData {
  const validated = validateElectionDefinition(JSON.parse(readFileSync(documentPath, 'utf8')));
  if (!validated.ok) throw new NightCheckFailed(validated.error.map((error) => `Wahldefinition ${error.path}: ${error.message}`));
  const document = validated.value;
  let rows: ResultRow[];
  try {
    rows = readKarlsruheResults(dataDir);
  } catch (error) {
    throw new NightCheckFailed([
      `Die Ergebnisdatei fehlt oder ist unlesbar (${dataDir}): ${error instanceof Error ? error.message : error}`,
    ]);
  }
  const problems = rows.flatMap((row, index) => rowProblems(row, `Zeile ${index + 2}`, document));
  const numbers = rows.map((row) => row['bezirk-nr']);
  const duplicates = numbers.filter((number, index) => numbers.indexOf(number) !== index);
  if (duplicates.length > 0) problems.push(`Wahlbezirke mehrfach in der Ergebnisdatei: ${[...new Set(duplicates)].join(', ')}.`);
  const missing = document.districts.filter((district) => !numbers.includes(district.number)).map((district) => district.number);
  if (missing.length > 0) problems.push(`Wahlbezirke ohne Ergebnis in der Ergebnisdatei: ${missing.join(', ')}.`);
  if (problems.length > 0) throw new NightCheckFailed(problems);
  return { document, rows };
}

function rowProblems(row: ResultRow, line: string, document: ElectionDefinition): string[] {
  const district = document.districts.find((candidate) => candidate.number === row['bezirk-nr']);
  if (!district) return [`${line}: Wahlbezirk „${row['bezirk-nr']}“ gibt es in der Wahl nicht.`];
  const columns = ['A1', 'A2', 'A3', 'A', 'B', 'B1', 'C', 'D', 'E', 'F'].concat(
    document.contests.flatMap((contest, index) => contest.lists.map((list) => `${index === 0 ? 'D' : 'F'}${list.ballotPosition}`)),
  );
  const malformed = columns.filter((column) => !COUNT.test(row[column] ?? ''));
  if (malformed.length > 0) return malformed.map((column) => `${line}, Spalte ${column}: „${row[column] ?? ''}“ ist keine Anzahl.`);
  const report = { ...karlsruheReport(row, document), districtId: district.number, districtKind: district.kind };
  const contests = document.contests.map((contest) => ({ id: contest.id, listIds: contest.lists.map((list) => list.id) }));
  return checkQuickReport(report, { districtKind: district.kind, contests })
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${line} (Wahlbezirk ${district.number}), ${finding.rule}: ${finding.message}`);
}

/** What the server needs before the replay; found by reading only. */
export type NightPlan = {
  readonly provider: WahlApiClient | null;
  readonly officeId: string | null;
  readonly missingUsers: readonly (typeof NIGHT_USERS)[number][];
  readonly electionId: string | null;
};

type ElectionSummary = { id: string; name: string; electionDay: string };

/** Reads the server's state and decides what to create; throws NightCheckFailed before anything is written. */
export async function checkNightServer(options: NightOptions, document: ElectionDefinition): Promise<NightPlan> {
  await expectReachable(options.url);
  const signedIn = await Promise.all(NIGHT_USERS.map((user) => signInOrNull(options.url, user.username, options.officePassword)));
  if (signedIn.every((client) => client !== null)) {
    return { provider: null, officeId: null, missingUsers: [], electionId: await findElection(signedIn[1]!, document) };
  }
  if (!options.adminPassword) {
    throw new NightCheckFailed([
      'Das Wahlamt Karlsruhe ist noch nicht angelegt. Bitte einmal mit dem Passwort des Benutzers "admin" starten: ' +
        'npm run demo:night -- --admin-password … (oder WAHL_ADMIN_PASSWORD setzen; es steht beim ersten Start von npm start in der Ausgabe).',
    ]);
  }
  const provider = await signInOrNull(options.url, 'admin', options.adminPassword);
  if (!provider) throw new NightCheckFailed(['Das Passwort des Benutzers "admin" stimmt nicht (--admin-password).']);
  const offices = await provider.request<{ id: string; ags: string }[]>('GET', '/api/offices');
  const office = offices.find((candidate) => candidate.ags === document.municipality.ags);
  const existing = office ? await provider.request<{ username: string }[]>('GET', `/api/offices/${office.id}/users`) : [];
  const clash = NIGHT_USERS.filter((user, index) => signedIn[index] === null && existing.some((found) => found.username === user.username));
  if (clash.length > 0) {
    throw new NightCheckFailed(
      clash.map((user) => `Den Benutzer ${user.username} gibt es schon mit einem anderen Passwort: bitte --office-password angeben.`),
    );
  }
  return {
    provider,
    officeId: office?.id ?? null,
    missingUsers: NIGHT_USERS.filter((_, index) => signedIn[index] === null),
    electionId: null,
  };
}

/** Creates what the plan lacks (office, users, election) and returns the office's clients and the election. */
export async function setUpNight(
  options: NightOptions,
  document: ElectionDefinition,
  plan: NightPlan,
  say: (line: string) => void,
): Promise<{ officeAdmin: WahlApiClient; clerk: WahlApiClient; electionId: string }> {
  if (plan.provider) {
    const officeId =
      plan.officeId ??
      (
        await plan.provider.request<{ id: string }>('POST', '/api/offices', {
          name: document.municipality.name,
          ags: document.municipality.ags,
          level: 'municipality',
        })
      ).id;
    for (const user of plan.missingUsers) {
      await plan.provider.request('POST', `/api/offices/${officeId}/users`, { ...user, password: options.officePassword });
      say(`Benutzer ${user.username} angelegt (Passwort: ${options.officePassword}).`);
    }
  }
  const [officeAdmin, clerk] = await Promise.all(
    NIGHT_USERS.map((user) => WahlApiClient.signIn(options.url, user.username, options.officePassword)),
  );
  let electionId = plan.electionId ?? (await findElection(clerk!, document));
  if (!electionId) {
    electionId = (await clerk!.request<ElectionSummary>('POST', '/api/elections', document)).id;
    say(`Wahl „${document.name}“ angelegt.`);
  }
  if (options.rehearsal) await startRehearsal(officeAdmin!, electionId, say);
  return { officeAdmin: officeAdmin!, clerk: clerk!, electionId };
}

/** `--probe`: switches the election to a rehearsal, possible only before its first result (a later run continues it). */
async function startRehearsal(officeAdmin: WahlApiClient, electionId: string, say: (line: string) => void): Promise<void> {
  const path = `/api/elections/${electionId}/results-phase`;
  const state = await officeAdmin.request<{ phase: string; storedResults: number }>('GET', path);
  if (state.phase === 'rehearsal') return say('Die Probe läuft weiter („PROBE – keine echten Ergebnisse“).');
  if (state.storedResults > 0)
    throw new NightCheckFailed([
      'Die Wahl hat bereits Ergebnisse des echten Wahlabends; eine Probe ist nur vor dem ersten Ergebnis möglich.',
    ]);
  await officeAdmin.request('PUT', path, { phase: 'rehearsal' });
  say('Probe begonnen: Ergebnisseite, Dateien und Webhooks tragen „PROBE – keine echten Ergebnisse“.');
}

async function expectReachable(url: string): Promise<void> {
  const reachable = await fetch(`${url}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
  if (!reachable) throw new NightCheckFailed([`Der Server unter ${url} antwortet nicht (GET /api/health). Läuft npm start?`]);
}

async function signInOrNull(url: string, username: string, password: string): Promise<WahlApiClient | null> {
  try {
    return await WahlApiClient.signIn(url, username, password);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

async function findElection(clerk: WahlApiClient, document: ElectionDefinition): Promise<string | null> {
  const elections = await clerk.request<ElectionSummary[]>('GET', '/api/elections');
  return elections.find((candidate) => candidate.name === document.name && candidate.electionDay === document.electionDay)?.id ?? null;
}
