import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { httpClient, type HttpClient } from './http';
import type { TestApp } from './test-app';

// Helpers for the election-night tests: the DOMAIN.md 4.3 worked example as an election document
// and as request bodies, board sign-in by access code, and the text of a generated PDF.

const station = { street: 'Schulstraße', houseNumber: '1', postalCode: '76990', city: 'Musterstadt' };
const list = (id: string, position: number, shortName: string, color: string, candidate?: string) => ({
  id,
  ballotPosition: position,
  shortName,
  name: shortName,
  color,
  candidates: candidate ? [{ position: 1, familyName: candidate, givenNames: 'Alex' }] : [],
});

/**
 * Urnenwahlbezirk 0101 with its Briefwahlbezirk 0191 (DOMAIN.md 4.3) and a second, unlinked
 * Urnenwahlbezirk 0102; Erststimme with five, Zweitstimme with six lists; the previous election's
 * Zweitstimmen for the municipality.
 */
export function workedExampleElection(ags: string, municipality: string) {
  return {
    schemaVersion: 1,
    kind: 'bundestag',
    name: `Bundestagswahl 2025 (${municipality})`,
    electionDay: '2025-02-23',
    municipality: { ags, name: municipality },
    constituency: { number: '271', name: 'Karlsruhe-Stadt' },
    pollingStations: [
      { id: 'schule', name: 'Grundschule am Markt', address: station, openingHours: '08:00–18:00', barrierFree: true },
      { id: 'rathaus', name: 'Rathaus', address: { ...station, street: 'Rathausplatz' }, openingHours: '08:00–18:00', barrierFree: true },
    ],
    districts: [
      { number: '0101', name: 'Altstadt', kind: 'polling', pollingStationId: 'schule', postalDistrict: '0191' },
      { number: '0102', name: 'Neustadt', kind: 'polling', pollingStationId: 'rathaus' },
      { number: '0191', name: 'Briefwahl Altstadt', kind: 'postal' },
    ],
    contests: [
      {
        id: 'erststimme',
        name: 'Erststimme',
        ballotType: 'candidate',
        votesPerBallot: 1,
        maxVotesPerCandidate: 1,
        lists: [
          list('cdu', 1, 'CDU', '#000000', 'Adler'),
          list('spd', 2, 'SPD', '#e3000f', 'Berger'),
          list('gruene', 3, 'GRÜNE', '#46962b', 'Conrad'),
          list('fdp', 4, 'FDP', '#ffed00', 'Dietz'),
          list('linke', 5, 'Die Linke', '#be3075', 'Engel'),
        ],
      },
      {
        id: 'zweitstimme',
        name: 'Zweitstimme',
        ballotType: 'list',
        votesPerBallot: 1,
        maxVotesPerCandidate: 1,
        lists: [
          list('cdu', 1, 'CDU', '#000000'),
          list('spd', 2, 'SPD', '#e3000f'),
          list('gruene', 3, 'GRÜNE', '#46962b'),
          list('fdp', 4, 'FDP', '#ffed00'),
          list('linke', 5, 'Die Linke', '#be3075'),
          list('bsw', 6, 'BSW', '#a31e4a'),
        ],
      },
    ],
    streets: [],
    previousElection: {
      name: 'Bundestagswahl 2021',
      electionDay: '2021-09-26',
      results: [
        {
          area: 'municipality',
          contest: 'zweitstimme',
          invalid: 10,
          valid: 1000,
          votes: { cdu: 300, spd: 280, gruene: 180, fdp: 140, linke: 60, bsw: 0 },
        },
      ],
    },
  };
}

/** DOMAIN.md 4.3, Urnenwahlbezirk 0101 (closing count 1,500). */
export const POLLING_0101 = {
  A1: 1200,
  A2: 300,
  A3: 0,
  A: 1500,
  B: 820,
  B1: 15,
  contests: [
    { contestId: 'erststimme', invalid: 12, valid: 808, votes: { cdu: 310, spd: 240, gruene: 150, fdp: 70, linke: 38 } },
    { contestId: 'zweitstimme', invalid: 7, valid: 813, votes: { cdu: 290, spd: 220, gruene: 160, fdp: 80, linke: 40, bsw: 23 } },
  ],
  // 805 Stimmabgabevermerke + 15 Wahlscheine.
  markedCount: 820,
};

/** DOMAIN.md 4.3, Briefwahlbezirk 0191 (list split invented, sums as given). */
export const POSTAL_0191 = {
  A1: null,
  A2: null,
  A3: null,
  A: null,
  B: 260,
  B1: 260,
  contests: [
    { contestId: 'erststimme', invalid: 5, valid: 255, votes: { cdu: 100, spd: 75, gruene: 45, fdp: 20, linke: 15 } },
    { contestId: 'zweitstimme', invalid: 3, valid: 257, votes: { cdu: 95, spd: 70, gruene: 50, fdp: 22, linke: 12, bsw: 8 } },
  ],
};

export type BoardSession = { readonly client: HttpClient; readonly token: string; readonly body: any };

/** The PIN test board members choose unless a test gives one. */
export const BOARD_PIN = '2468';

/**
 * A board member signs in personally (code, name, PIN). The PIN goes along twice: at the member's first
 * sign-in it is set, later the repetition is ignored and the PIN checked.
 */
export async function signInBoard(baseUrl: string, code: string, name: string, pin = BOARD_PIN): Promise<BoardSession> {
  const result = await httpClient(baseUrl).post('/api/board/sign-in', { code, name, pin, pinRepeat: pin });
  if (result.status !== 200) throw new Error(`board sign-in failed: ${result.status} ${JSON.stringify(result.body)}`);
  return { client: httpClient(baseUrl, result.body.token), token: result.body.token, body: result.body };
}

export type DistrictBoards = Record<string, [BoardSession, BoardSession]>;

/**
 * The imported election's district ids by number, and per district two board members signed in with
 * its board code (the one who enters and the one who confirms: four eyes), named `<prefix> <number>`.
 */
export async function signInDistrictBoards(
  testApp: TestApp,
  officeAdmin: HttpClient,
  electionId: string,
  [enterer, checker]: [string, string] = ['Erfasser', 'Prüfer'],
): Promise<{ districts: Record<string, string>; boards: DistrictBoards }> {
  const districts: Record<string, string> = {};
  const boards: DistrictBoards = {};
  for (const row of await testApp.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId]))
    districts[row.number] = row.id;
  const generated = await officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
  if (generated.status !== 201) throw new Error(`board codes: ${generated.status} ${JSON.stringify(generated.body)}`);
  for (const code of generated.body.codes) {
    const number = code.districts[0].number;
    boards[number] = [
      await signInBoard(testApp.baseUrl, code.code, `${enterer} ${number}`),
      await signInBoard(testApp.baseUrl, code.code, `${checker} ${number}`),
    ];
  }
  return { districts, boards };
}

// WinAnsiEncoding differs from Latin-1 in 0x80–0x9F (dashes, quotes, €).
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x84: '„',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
  0x97: '—',
};
const winAnsi = (bytes: Buffer): string => [...bytes].map((byte) => WIN_ANSI[byte] ?? String.fromCharCode(byte)).join('');

/** The text drawn on a pdfkit PDF (standard fonts: hex strings in TJ arrays of deflated streams). */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const parts: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      parts.push([...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => winAnsi(Buffer.from(hex[1]!, 'hex'))).join(''));
    }
  }
  return parts.join('\n');
}

const hasCommand = (command: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** pdftoppm (poppler-utils) and zbarimg (zbar-tools) are there to read QR codes back from a PDF. */
export const canReadPdfQrCodes = hasCommand('pdftoppm') && hasCommand('zbarimg');

/** Every QR code on every page, as decoded by zbarimg from a 150 dpi rendering. */
export function pdfQrCodes(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'wahl-pdf-qr-'));
  try {
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', join(dir, 'sheet.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort();
    return pages.flatMap((page) =>
      execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', join(dir, page)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .split('\n')
        .filter(Boolean),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
