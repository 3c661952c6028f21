import { readFileSync } from 'node:fs';
import { validateElectionDefinition, type ElectionDefinition } from '@wahl/domain';
import { REGISTER_HEADER, formatRegisterLine, generateResidents } from '@wahl/register-generator';
import type { HttpClient, HttpResult } from './http';
import { createOfficeWithStaff, type OfficeWithStaff } from './offices';
import type { TestApp } from './test-app';

/** The demo town's AGS: offices that import the demo election must have it. */
export const DEMO_AGS = '08199001';

/** The demo election document, optionally moved to another election day (a past day: its roll is frozen). */
export function demoDefinition(electionDay?: string): ElectionDefinition {
  const document = JSON.parse(readFileSync('examples/demo-election.json', 'utf8')) as ElectionDefinition;
  const changed = electionDay ? { ...document, electionDay } : document;
  const validated = validateElectionDefinition(changed);
  if (!validated.ok) throw new Error(`demo election: ${validated.error.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return validated.value;
}

/** A generated register as CSV text (header and one line per resident), deterministic per seed. */
export function registerCsv(definition: ElectionDefinition, residents: number, seed: string): string {
  const lines = [REGISTER_HEADER];
  for (const resident of generateResidents(definition, { residents, seed })) lines.push(formatRegisterLine(resident));
  return lines.join('\n') + '\n';
}

/** The lines of a register CSV, header first (for tests that edit single lines). */
export const csvLines = (csv: string): string[] => csv.split('\n').filter((line) => line.length > 0);

export type UploadOptions = { encoding?: string; skipInvalid?: boolean; multipart?: boolean; fileName?: string };

/** Uploads a register: multipart (field `file`) by default, or the CSV as a text/csv body. */
export function uploadRegister(
  client: HttpClient,
  electionId: string,
  content: string | Uint8Array,
  options: UploadOptions = {},
): Promise<HttpResult> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const query = new URLSearchParams();
  if (options.encoding) query.set('encoding', options.encoding);
  if (options.skipInvalid !== undefined) query.set('skipInvalid', String(options.skipInvalid));
  const path = `/api/elections/${electionId}/register-imports${query.size ? `?${query}` : ''}`;
  if (options.multipart === false) return client.post(path, bytes, { 'content-type': 'text/csv' });
  const boundary = '----wahl-test-boundary-7MA4YWxkTrZu0gW';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nTest\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName ?? 'melderegister.csv'}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.post(path, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

export type DemoElection = { readonly office: OfficeWithStaff; readonly electionId: string; readonly definition: ElectionDefinition };

/** An office of the demo town with its staff and the demo election (optionally on another day). */
export async function createDemoElection(testApp: TestApp, electionDay?: string): Promise<DemoElection> {
  const office = await createOfficeWithStaff(testApp, DEMO_AGS, 'Stadt Wahlingen');
  const definition = demoDefinition(electionDay);
  const created = await office.clerk.post('/api/elections', definition);
  if (created.status !== 201) throw new Error(`election: ${created.status} ${JSON.stringify(created.body)}`);
  return { office, electionId: created.body.id as string, definition };
}

/** Another election of the same office (same document), e.g. to compare two rolls. */
export async function addElection(office: OfficeWithStaff, definition: ElectionDefinition): Promise<string> {
  const created = await office.clerk.post('/api/elections', definition);
  if (created.status !== 201) throw new Error(`election: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/** The bearer header of a signed-in test client (for binary downloads, which the JSON client cannot read). */
export async function bearerOf(client: HttpClient): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    Object.assign(seen, init?.headers ?? {});
    return original(input, init);
  }) as typeof fetch;
  try {
    await client.get('/api/health');
  } finally {
    globalThis.fetch = original;
  }
  return { authorization: seen['authorization'] ?? '' };
}
