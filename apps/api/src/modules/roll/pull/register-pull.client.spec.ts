import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRegisterPage, pageUrl, PullError } from './register-pull.client';

describe('fetchRegisterPage', () => {
  let server: Server;
  let base: string;
  const answers: (() => [number, string])[] = [];
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.url ?? '');
      const [status, body] = (answers.shift() ?? (() => [200, '{"residents":[],"nextCursor":null}']))();
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/reg/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const options = { pageSize: 2, timeoutMs: 2000, maxAttempts: 3, retryDelayMs: 1 };

  it('should ask for limit and cursor under /residents', () => {
    expect(pageUrl({ baseUrl: 'https://r.example/api/', pageSize: 500 }, null)).toBe('https://r.example/api/residents?limit=500');
    expect(pageUrl({ baseUrl: 'https://r.example/api', pageSize: 500 }, 'a b')).toBe(
      'https://r.example/api/residents?limit=500&cursor=a+b',
    );
  });

  it('should retry 5xx and unreadable bodies, then return the page', async () => {
    seen.length = 0;
    answers.push(
      () => [503, 'busy'],
      () => [200, '{"residents":[{"person_id":"1"}'],
      () => [200, '{"residents":[{"person_id":"1"}],"nextCursor":"c2"}'],
    );
    const page = await fetchRegisterPage({ ...options, baseUrl: base }, 'c1');
    expect(page).toEqual({ residents: [{ person_id: '1' }], nextCursor: 'c2' });
    expect(seen).toEqual(['/reg/residents?limit=2&cursor=c1', '/reg/residents?limit=2&cursor=c1', '/reg/residents?limit=2&cursor=c1']);
  });

  it('should give up after the attempts with the last problem, and at once on a 4xx', async () => {
    answers.push(
      () => [500, ''],
      () => [502, ''],
      () => [500, ''],
    );
    await expect(fetchRegisterPage({ ...options, baseUrl: base }, null)).rejects.toMatchObject({
      message: 'Die Seite konnte nach 3 Versuchen nicht geladen werden (zuletzt: HTTP 500).',
      permanent: false,
    });
    seen.length = 0;
    answers.push(() => [403, '{}']);
    const refused = fetchRegisterPage({ ...options, baseUrl: base }, null);
    await expect(refused).rejects.toBeInstanceOf(PullError);
    await expect(refused).rejects.toMatchObject({ permanent: true, message: 'Der Registerdienst lehnt die Anfrage ab (HTTP 403).' });
    expect(seen).toHaveLength(1);
  });
});
