import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectionDeadlines } from '@wahl/domain';
import { deriveCardToken } from '../../apps/api/src/modules/polling-cards/jobs/card-tokens';
import { PollingCardsService } from '../../apps/api/src/modules/polling-cards/polling-cards.service';
import { bearerOf, demoDefinition, DEMO_AGS, registerCsv, uploadRegister } from './roll';
import { createOfficeWithStaff, type OfficeWithStaff } from './offices';
import type { HttpClient } from './http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/create-app';
import { ensureAdmin } from '../../apps/api/src/modules/identity/admin-bootstrap';
import { Database } from '../../apps/api/src/platform/database/database';
import { loadAppConfig } from '../../apps/api/src/platform/config/app-config';
import { createTestDatabase } from './test-database';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './test-app';

/** The key the polling cards derive their QR tokens with in these tests (WAHL_CARD_TOKEN_KEY). */
export const CARD_TOKEN_KEY = 'postal-voting-test-key-0123456789abcdef';

export function startPostalTestApp(): Promise<TestApp> {
  return startTestApp({ WAHL_CARD_TOKEN_KEY: CARD_TOKEN_KEY, PUBLIC_BASE_URL: 'https://wahl.example' });
}

/** Like startPostalTestApp, with every application log line (finest level) kept in `log`. */
export async function startPostalTestAppWithLog(): Promise<{ testApp: TestApp; log: string[] }> {
  const database = await createTestDatabase();
  const config = loadAppConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'trace',
    DATABASE_URL: database.url,
    WAHL_CARD_TOKEN_KEY: CARD_TOKEN_KEY,
  });
  const log: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk));
      done();
    },
  });
  const app = await createApp(config, database.url, pino({ level: 'trace' }, sink));
  await app.listen(0, '127.0.0.1');
  const dataSource = app.get(DataSource);
  await ensureAdmin(app.get(Database), TEST_ADMIN_PASSWORD);
  const { port } = app.getHttpServer().address() as { port: number };
  const testApp: TestApp = {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    dataSource,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
  return { testApp, log };
}

export type RollVoter = {
  voterId: number;
  districtId: string;
  districtNumber: string;
  voterNumber: number;
  familyName: string;
  givenNames: string;
  birthDate: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
};

export type PostalElection = { readonly office: OfficeWithStaff; readonly electionId: string };

/**
 * An office of the demo town, the demo election (with deadline overrides), a generated register of
 * `residents` people, the roll built from it and the polling cards prepared: every voter has a card
 * token (the cards are not rendered; the tokens are what the QR codes would carry).
 */
export async function createPostalElection(
  testApp: TestApp,
  options: {
    readonly residents?: number;
    readonly seed?: string;
    readonly deadlines?: Partial<ElectionDeadlines>;
    readonly office?: OfficeWithStaff;
  } = {},
): Promise<PostalElection> {
  const office = options.office ?? (await createOfficeWithStaff(testApp, DEMO_AGS, 'Stadt Wahlingen'));
  const definition = { ...demoDefinition(), ...(options.deadlines ? { deadlines: options.deadlines } : {}) };
  const created = await office.clerk.post('/api/elections', definition);
  if (created.status !== 201) throw new Error(`election: ${created.status} ${JSON.stringify(created.body)}`);
  const electionId = created.body.id as string;
  const imported = await uploadRegister(
    office.clerk,
    electionId,
    registerCsv(definition, options.residents ?? 400, options.seed ?? 'postal'),
  );
  if (imported.body.status !== 'succeeded') throw new Error(`import: ${JSON.stringify(imported.body)}`);
  const built = await office.clerk.post(`/api/elections/${electionId}/roll/build`);
  if (built.status !== 200) throw new Error(`build: ${built.status} ${JSON.stringify(built.body)}`);
  const cards = testApp.app.get(PollingCardsService, { strict: false });
  await cards.prepare(await cards.systemActor(electionId, 'test'), electionId, 'main');
  return { office, electionId };
}

/** Voters of the roll (test oracle read straight from the database). */
export async function rollVoters(testApp: TestApp, electionId: string): Promise<RollVoter[]> {
  const rows: Record<string, unknown>[] = await testApp.dataSource.query(
    `SELECT e.voter_id, e.district_id, d.number AS district_number, e.voter_number, e.family_name, e.given_names, e.birth_date::text AS birth_date,
       e.street, e.house_number, e.postal_code, e.city
     FROM roll_voters e JOIN districts d ON d.id = e.district_id WHERE e.election_id = $1 AND e.status = 'active' ORDER BY e.voter_id`,
    [electionId],
  );
  return rows.map((r) => ({
    voterId: r['voter_id'] as number,
    districtId: r['district_id'] as string,
    districtNumber: r['district_number'] as string,
    voterNumber: r['voter_number'] as number,
    familyName: r['family_name'] as string,
    givenNames: r['given_names'] as string,
    birthDate: r['birth_date'] as string,
    street: r['street'] as string,
    houseNumber: r['house_number'] as string,
    postalCode: r['postal_code'] as string,
    city: r['city'] as string,
  }));
}

/** The token on the voter's current card, as its QR code carries it. */
export async function cardToken(testApp: TestApp, electionId: string, voterId: number): Promise<string> {
  const [row] = await testApp.dataSource.query(
    'SELECT max(issue)::int AS issue FROM polling_card_tokens WHERE election_id = $1 AND voter_id = $2 AND revoked_at IS NULL',
    [electionId, voterId],
  );
  if (!row?.issue) throw new Error(`no card token for voter ${voterId}`);
  return deriveCardToken(CARD_TOKEN_KEY, electionId, voterId, row.issue as number);
}

/** A day before `isoDay` by n days (for deadline overrides in the past). */
export const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A binary download with the client's bearer token. */
export async function download(
  testApp: TestApp,
  client: HttpClient,
  path: string,
): Promise<{ status: number; bytes: Buffer; type: string | null }> {
  const response = await fetch(testApp.baseUrl + path, { headers: await bearerOf(client) });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

export const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

/** The text of a PDF as poppler reads it (layout kept loosely). */
export function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'postal-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr.toString()}`);
    return result.stdout.toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A client of the public pages from a given address (the API trusts X-Forwarded-For from loopback). */
export function publicClientFrom(testApp: TestApp, address: string) {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(testApp.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  return { post };
}
