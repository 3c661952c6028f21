import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, type HttpClient } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';
import { createApp } from '../../apps/api/src/create-app';
import { SEAT_ALLOCATION_REQUESTS_PER_MINUTE } from '../../apps/api/src/modules/seat-allocation/seat-allocation-rate-limit.guard';
import { loadAppConfig } from '../../apps/api/src/platform/config/app-config';
import { createLogger } from '../../apps/api/src/platform/logging/logger';

// The server trusts X-Forwarded-For from loopback, so each test speaks as its own client address
// and the per-address rate limit of one test does not leak into another.
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('POST /api/seat-allocation', () => {
  let testApp: TestApp;
  let client: HttpClient;
  beforeAll(async () => {
    testApp = await startTestApp();
    client = httpClient(testApp.baseUrl);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should allocate 12 seats by Sainte-Laguë as in the KomWG example without signing in', async () => {
    const result = await client.post(
      '/api/seat-allocation',
      { method: 'sainte-lague', seats: 12, votes: { A: 6000, B: 4000, C: 3000 } },
      from('198.51.100.1'),
    );
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ seats: { A: 5, B: 4, C: 3 }, lotRequired: null });
  });

  it('should allocate the comparison example by d’Hondt and Hare/Niemeyer', async () => {
    const votes = { A: 4200, B: 3350, C: 1450 };
    const dhondt = await client.post('/api/seat-allocation', { method: 'dhondt', seats: 10, votes }, from('198.51.100.1'));
    expect(dhondt.body).toEqual({ seats: { A: 5, B: 4, C: 1 }, lotRequired: null });
    const hare = await client.post(
      '/api/seat-allocation',
      { method: 'hare-niemeyer', seats: 10, votes: { A: 4160, B: 3380, C: 1460 } },
      from('198.51.100.1'),
    );
    expect(hare.body).toEqual({ seats: { A: 4, B: 4, C: 1 }, lotRequired: { lists: ['A', 'C'], seatsLeft: 1 } });
  });

  it('should report the lot of the tie example and complete it with a recorded drawing', async () => {
    const tie = await client.post(
      '/api/seat-allocation',
      { method: 'sainte-lague', seats: 3, votes: { A: 300, B: 100, C: 100 } },
      from('198.51.100.1'),
    );
    expect(tie.body).toEqual({ seats: { A: 1, B: 0, C: 0 }, lotRequired: { lists: ['A', 'B', 'C'], seatsLeft: 2 } });
    const drawn = await client.post(
      '/api/seat-allocation',
      { method: 'sainte-lague', seats: 3, votes: { A: 300, B: 100, C: 100 }, lots: ['C', 'A'] },
      from('198.51.100.1'),
    );
    expect(drawn.body).toEqual({ seats: { A: 2, B: 0, C: 1 }, lotRequired: null });
  });

  it('should read the decimal threshold exactly, so a list at exactly 5 % takes part', async () => {
    const at = await client.post(
      '/api/seat-allocation',
      { method: 'sainte-lague', seats: 20, votes: { A: 950, B: 50 }, threshold: 0.05 },
      from('198.51.100.1'),
    );
    expect(at.body).toEqual({ seats: { A: 19, B: 1 }, lotRequired: null });
    const below = await client.post(
      '/api/seat-allocation',
      { method: 'sainte-lague', seats: 20, votes: { A: 951, B: 49 }, threshold: 0.05 },
      from('198.51.100.1'),
    );
    expect(below.body).toEqual({ seats: { A: 20, B: 0 }, lotRequired: null });
  });

  it('should allocate a small federation by the Bundestag rules of 2025', async () => {
    const result = await client.post(
      '/api/seat-allocation',
      {
        method: 'bundestag-2025',
        seats: 20,
        minorityParties: ['SSW'],
        zweitstimmen: { Nord: { A: 60_000, SSW: 3_000, C: 10_000 }, Süd: { A: 40_000, B: 80_000, C: 7_000 } },
        wahlkreise: [
          { wahlkreis: '001', land: 'Nord', party: 'A', votes: 30_000, validVotes: 100_000 },
          { wahlkreis: '002', land: 'Nord', party: 'A', votes: 35_000, validVotes: 100_000 },
          { wahlkreis: '003', land: 'Süd', party: 'B', votes: 40_000, validVotes: 90_000 },
          { wahlkreis: '004', land: 'Süd', party: 'A', votes: 26_000, validVotes: 100_000 },
          { wahlkreis: '005', land: 'Süd', party: 'A', votes: 25_000, validVotes: 80_000 },
          { wahlkreis: '006', land: 'Süd', party: 'A', votes: 24_000, validVotes: 70_000 },
          { wahlkreis: '007', land: 'Süd', party: 'A', votes: 30_000, validVotes: 100_000 },
        ],
      },
      from('198.51.100.2'),
    );
    // Total 200,000; 5 % = 10,000: A 100,000, B 80,000, C 17,000 pass; SSW 3,000 as a minority party.
    // 20 seats on 200,000 (divisor 10,000): A 10, B 8, C 1.7 → 2, SSW 0.3 → 0; 20 ✓.
    // A 10 over Nord 60,000 : Süd 40,000 → 6 : 4; C 2 over 10,000 : 7,000 → 1 : 1.
    // Süd A has 4 seats for 4 winners; all seated. B's one winner seated.
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      seats: { A: 10, SSW: 0, C: 2, B: 8 },
      seatsByLand: { Nord: { A: 6, C: 1 }, Süd: { A: 4, B: 8, C: 1 } },
      unseatedWahlkreise: [],
      independentWahlkreise: [],
      lotRequired: null,
    });
  });

  it('should leave the Wahlkreis winners with the smallest Erststimmen share unseated', async () => {
    const result = await client.post(
      '/api/seat-allocation',
      {
        method: 'bundestag-2025',
        seats: 10,
        zweitstimmen: { L: { A: 30_000, B: 70_000 } },
        wahlkreise: [
          { wahlkreis: '010', land: 'L', party: 'A', votes: 40_000, validVotes: 160_000 }, // 25 %, most votes
          { wahlkreis: '011', land: 'L', party: 'A', votes: 20_000, validVotes: 50_000 }, // 40 %
          { wahlkreis: '012', land: 'L', party: 'A', votes: 30_000, validVotes: 90_000 }, // 33.3 %
          { wahlkreis: '013', land: 'L', party: 'A', votes: 26_000, validVotes: 100_000 }, // 26 %
        ],
      },
      from('198.51.100.2'),
    );
    // 10 seats on 100,000: A 3, B 7. A's 3 seats go to 011, 012, 013 by share; 010 has the most votes but the smallest share.
    expect(result.body).toMatchObject({ seats: { A: 3, B: 7 }, unseatedWahlkreise: ['010'], lotRequired: null });
  });

  it('should answer 422 with the path of every bad value', async () => {
    const result = await client.post(
      '/api/seat-allocation',
      { method: 'sainte-lague', seats: -1, votes: { A: 1.5 }, threshold: 2 },
      from('198.51.100.3'),
    );
    expect(result.status).toBe(422);
    expect(result.headers.get('content-type')).toContain('application/problem+json');
    expect(result.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['$.seats', '$.threshold', '$.votes.A']);

    const unknownMethod = await client.post(
      '/api/seat-allocation',
      { method: 'losverfahren', seats: 3, votes: { A: 1 } },
      from('198.51.100.3'),
    );
    expect(unknownMethod.status).toBe(422);

    const noTie = await client.post(
      '/api/seat-allocation',
      { method: 'dhondt', seats: 2, votes: { A: 10, B: 1 }, lots: ['B'] },
      from('198.51.100.3'),
    );
    expect(noTie.status).toBe(422);
    expect(noTie.body.errors).toEqual([
      { path: '$.lots', code: 'INVALID_LOTS', message: 'Für diese Verteilung ist kein Losentscheid erforderlich.' },
    ]);

    const badWahlkreis = await client.post(
      '/api/seat-allocation',
      {
        method: 'bundestag-2025',
        zweitstimmen: { L: { A: 10 } },
        wahlkreise: [{ wahlkreis: '1', land: 'X', party: 'A', votes: 1, validVotes: 2 }],
      },
      from('198.51.100.3'),
    );
    expect(badWahlkreis.status).toBe(422);
    expect(badWahlkreis.body.errors.map((error: { path: string }) => error.path)).toEqual(['$.wahlkreise[0].land']);
  });

  it('should refuse the 61st request of an address within a minute with 429 and Retry-After, and still serve others', async () => {
    const body = { method: 'dhondt', seats: 2, votes: { A: 2, B: 1 } };
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await client.post('/api/seat-allocation', body, from('203.0.113.9'))).status);
    expect(statuses.every((status) => status === 200)).toBe(true);

    const refused = await client.post('/api/seat-allocation', body, from('203.0.113.9'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const other = await client.post('/api/seat-allocation', body, from('203.0.113.10'));
    expect(other.status).toBe(200);
  });

  it('should count the limit once for all API processes (issue #17)', async () => {
    // A second API process on the same database, as behind a load balancer.
    const config = loadAppConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: testApp.database.url });
    const second = await createApp(config, testApp.database.url, createLogger(config.logLevel));
    await second.listen(0, '127.0.0.1');
    try {
      const other = httpClient(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
      const body = { method: 'dhondt', seats: 2, votes: { A: 2, B: 1 } };
      const statuses = await Promise.all(
        Array.from({ length: 90 }, (_, i) => (i % 2 ? other : client).post('/api/seat-allocation', body, from('203.0.113.77'))),
      );
      expect(statuses.filter((r) => r.status === 200).length).toBe(SEAT_ALLOCATION_REQUESTS_PER_MINUTE);
      expect(statuses.filter((r) => r.status === 429).length).toBe(90 - SEAT_ALLOCATION_REQUESTS_PER_MINUTE);
    } finally {
      await second.close();
    }
  });
});
