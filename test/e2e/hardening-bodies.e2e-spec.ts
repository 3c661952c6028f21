import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../support/http';
import { adminClient, createOfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(MB, 0x61);

/**
 * Streams `megabytes` of body to the server and resolves with the answer's status as soon as it
 * arrives; the upload stops when the server closes the connection (it need not read the body).
 */
function postLarge(baseUrl: string, path: string, megabytes: number, contentType: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': contentType, 'content-length': megabytes * MB },
      },
      (response) => {
        answered = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', (error) => (answered ? undefined : reject(error)));
    let sent = 0;
    const pump = (): void => {
      while (sent < megabytes && !request.destroyed && !answered) {
        sent += 1;
        if (!request.write(CHUNK)) {
          request.once('drain', pump);
          return;
        }
      }
      if (sent >= megabytes) request.end();
    };
    pump();
  });
}

// Issue 17, findings 4 and 9: bodies are read only by the routes that take them, after the access
// guard, with a limit per route; parser and schema errors answer as German problems.
describe('bounded request bodies and German parser errors', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should refuse large anonymous bodies to an unknown route, a route without a body and a protected route without reading them', async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    const targets = [
      { path: '/api/gibt-es-nicht', type: 'text/plain', status: 404 },
      { path: '/api/gibt-es-nicht', type: 'application/json', status: 404 },
      { path: '/api/auth/logout', type: 'text/csv', status: 204 },
      { path: '/api/elections', type: 'application/json', status: 401 },
      { path: '/api/elections', type: 'text/plain', status: 401 },
    ];
    let peak = before;
    for (const target of targets) {
      const answer = await postLarge(testApp.baseUrl, target.path, 200, target.type);
      expect(answer.status, target.path).toBe(target.status);
      if (target.status !== 204) expect(JSON.parse(answer.body).detail).toMatch(/[äöüß]|Adresse|Anmeldung|melden/);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    // 1 GB was offered; none of it may have been kept (the parser used to hold each 200 MB body).
    expect(peak - before).toBeLessThan(100 * MB);
  });

  it('should answer an oversized JSON body with 413 in German, also above the old 20 MB limit', async () => {
    const admin = await adminClient(testApp);
    const tooLarge = await admin.post('/api/offices', { name: 'x'.repeat(2 * MB), ags: '01001000', level: 'municipality' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', detail: 'Die Anfrage ist zu groß: höchstens 1 MB.' });

    // The election definition import takes more than the default, but not without bound.
    const { clerk } = await createOfficeWithStaff(testApp, '01002000', 'Grenzstadt');
    const definition = await clerk.post('/api/elections', { padding: 'x'.repeat(2 * MB) });
    expect(definition.status).not.toBe(413);
    const huge = await clerk.post('/api/elections', { padding: 'x'.repeat(40 * MB) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', detail: 'Die Anfrage ist zu groß: höchstens 32 MB.' });
  });

  it('should answer malformed JSON with a German 400 naming the position', async () => {
    const result = await httpClient(testApp.baseUrl).post('/api/auth/login', '{"username": "admin", "password": "abc', {
      'content-type': 'application/json',
    });
    expect(result.status).toBe(400);
    expect(result.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(result.body.code).toBe('MALFORMED_JSON');
    expect(result.body.detail).toBe('Der Inhalt der Anfrage ist kein gültiges JSON (Fehler bei Zeichen 39).');
    expect(JSON.stringify(result.body)).not.toMatch(/Unterminated|Unexpected|position/);
  });

  it('should answer a body that is not JSON on a JSON route with 415 in German', async () => {
    const result = await httpClient(testApp.baseUrl).post('/api/auth/login', 'username=admin&password=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(result.status).toBe(415);
    expect(result.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: 'Bitte den Inhalt als JSON senden (Content-Type: application/json).',
    });
  });

  it('should answer schema errors in German', async () => {
    const result = await httpClient(testApp.baseUrl).post('/api/auth/login', { username: 5, password: ['x'] });
    expect(result.status).toBe(422);
    expect(result.body.errors).toEqual([
      { path: '$.username', message: 'Ungültiger Wert: erwartet Text, erhalten Zahl.', code: 'invalid_type' },
      { path: '$.password', message: 'Ungültiger Wert: erwartet Text, erhalten Liste.', code: 'invalid_type' },
    ]);
  });
  it('should keep the connection of requests without a body and of bodies that were read (keep-alive)', async () => {
    const statusOf = (path: string, init: { method?: string; body?: string } = {}) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const url = new URL(path, testApp.baseUrl);
        const request = httpRequest(
          url,
          { method: init.method ?? 'GET', headers: init.body ? { 'content-type': 'application/json' } : {} },
          (response) => {
            response.resume();
            response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
          },
        );
        request.on('error', reject);
        request.end(init.body);
      });
    expect(await statusOf('/api/health')).toEqual({ status: 200, connection: 'keep-alive' });
    const login = await statusOf('/api/auth/login', { method: 'POST', body: JSON.stringify({ username: 'niemand', password: 'falsch' }) });
    expect(login).toEqual({ status: 401, connection: 'keep-alive' });
  });
});
