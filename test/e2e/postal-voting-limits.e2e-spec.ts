import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardToken,
  createPostalElection,
  publicClientFrom,
  rollVoters,
  startPostalTestAppWithLog,
  type PostalElection,
  type RollVoter,
} from '../support/postal';
import type { TestApp } from '../support/test-app';
import { MAX_FAILURES_PER_TOKEN } from '../../apps/api/src/modules/postal-voting/public/access-throttle.service';

// R3.8: guessing birth dates for a card or codes from one address is limited and logged in the
// attempts table; the application log never sees a token, a birth date or a name.
describe('postal voting: brute-force limits', () => {
  let testApp: TestApp;
  let log: string[];
  let election: PostalElection;
  let voters: RollVoter[];
  const tokens: string[] = [];

  beforeAll(async () => {
    ({ testApp, log } = await startPostalTestAppWithLog());
    election = await createPostalElection(testApp, { residents: 200, seed: 'limits' });
    voters = await rollVoters(testApp, election.electionId);
    for (const voter of voters.slice(0, 5)) tokens.push(await cardToken(testApp, election.electionId, voter.voterId));
  }, 120_000);
  afterAll(async () => {
    await testApp?.close();
  });

  it('should lock a card for an hour after 5 wrong birth dates, from whatever addresses', async () => {
    const [voter] = voters;
    const token = tokens[0]!;
    for (let i = 0; i < 5; i++) {
      const wrong = await publicClientFrom(testApp, `192.0.2.${i + 1}`).post('/api/public/postal-voting/link/verify', {
        token,
        birthDate: `1950-01-0${i + 1}`,
      });
      expect(wrong.status).toBe(422);
    }
    const right = await publicClientFrom(testApp, '192.0.2.99').post('/api/public/postal-voting/link/verify', {
      token,
      birthDate: voter!.birthDate,
    });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toBe('3600');
    expect(right.body.detail).toContain('für eine Stunde gesperrt');
    // Another card from the same address is not affected.
    const other = await publicClientFrom(testApp, '192.0.2.99').post('/api/public/postal-voting/link/verify', {
      token: tokens[1],
      birthDate: voters[1]!.birthDate,
    });
    expect(other.status).toBe(200);
    const hash = createHash('sha256').update(token).digest();
    const rows = await testApp.dataSource.query(
      `SELECT outcome, count(*)::int AS n FROM postal_access_attempts WHERE token_hash = $1 GROUP BY outcome ORDER BY outcome`,
      [hash],
    );
    expect(rows).toEqual([
      { outcome: 'throttled', n: 1 },
      { outcome: 'wrong-birth-date', n: 5 },
    ]);
  });

  it('should stop an address after 20 failed attempts, even with a valid code, while others go on', async () => {
    const guesser = publicClientFrom(testApp, '198.18.0.66');
    for (let i = 0; i < 20; i++) {
      const guess = await guesser.post('/api/public/postal-voting/link', { token: `Guess${String(i).padStart(17, '0')}` });
      expect(guess.status).toBe(404);
    }
    const blocked = await guesser.post('/api/public/postal-voting/link/applications', {
      token: tokens[2],
      birthDate: voters[2]!.birthDate,
      delivery: { kind: 'home' },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    const byName = await guesser.post('/api/public/postal-voting/applications', {
      electionId: election.electionId,
      familyName: voters[2]!.familyName,
      givenNames: voters[2]!.givenNames,
      birthDate: voters[2]!.birthDate,
      street: voters[2]!.street,
      houseNumber: voters[2]!.houseNumber,
      postalCode: voters[2]!.postalCode,
      delivery: { kind: 'home' },
    });
    expect(byName.status).toBe(429);
    const elsewhere = await publicClientFrom(testApp, '198.18.0.67').post('/api/public/postal-voting/link/applications', {
      token: tokens[2],
      birthDate: voters[2]!.birthDate,
      delivery: { kind: 'home' },
    });
    expect(elsewhere.status).toBe(201);
    const [counts] = await testApp.dataSource.query(
      `SELECT count(*) FILTER (WHERE outcome = 'unknown-token')::int AS unknown, count(*) FILTER (WHERE outcome = 'throttled')::int AS throttled FROM postal_access_attempts WHERE address = '198.18.0.66'`,
    );
    expect(counts).toEqual({ unknown: 20, throttled: 2 });
  });

  // Issue #17, finding 2: the guess is reserved before the birth date is compared.
  it('should evaluate at most 5 of 30 parallel birth dates on one card and then refuse the right one', async () => {
    const token = tokens[3]!;
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        publicClientFrom(testApp, `192.0.2.${100 + i}`).post('/api/public/postal-voting/link/verify', {
          token,
          birthDate: `1940-01-${String(i + 1).padStart(2, '0')}`,
        }),
      ),
    );
    const evaluated = guesses.filter((g) => g.status === 422).length;
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated).toBeLessThanOrEqual(MAX_FAILURES_PER_TOKEN);
    expect(guesses.filter((g) => g.status === 429).length).toBe(30 - evaluated);
    const right = await publicClientFrom(testApp, '192.0.2.250').post('/api/public/postal-voting/link/verify', {
      token,
      birthDate: voters[3]!.birthDate,
    });
    expect(right.status).toBe(429);
    expect(right.body.voter).toBeUndefined();
    const hash = createHash('sha256').update(token).digest();
    const [row] = await testApp.dataSource.query(
      `SELECT count(*) FILTER (WHERE outcome = 'wrong-birth-date')::int AS wrong FROM postal_access_attempts WHERE token_hash = $1`,
      [hash],
    );
    expect(row.wrong).toBe(evaluated);
  });

  it('should answer the right birth date hidden among 29 wrong ones in parallel only within the limit', async () => {
    const token = tokens[4]!;
    const dates = Array.from({ length: 30 }, (_, i) => (i === 17 ? voters[4]!.birthDate : `1941-03-${String(i + 1).padStart(2, '0')}`));
    const guesses = await Promise.all(
      dates.map((birthDate, i) =>
        publicClientFrom(testApp, `192.0.2.${150 + i}`).post('/api/public/postal-voting/link/verify', { token, birthDate }),
      ),
    );
    const evaluated = guesses.filter((g) => g.status === 422 || g.status === 200);
    expect(evaluated.length).toBeLessThanOrEqual(MAX_FAILURES_PER_TOKEN);
    expect(guesses.filter((g) => g.status === 429).length).toBe(30 - evaluated.length);
    if (guesses[17]!.status === 200) expect(evaluated).toContain(guesses[17]);
  });

  it('should keep tokens, birth dates and names out of the application log', async () => {
    const page = await fetch(`${testApp.baseUrl}/briefwahl/${tokens[0]}`, { headers: { accept: 'text/html' } });
    expect([200, 404]).toContain(page.status);
    // The page address carries the token; the request log shows it redacted.
    expect(log.some((line) => line.includes('"/briefwahl/[token]"'))).toBe(true);
    expect(log.some((line) => line.includes('/api/public/postal-voting/link'))).toBe(true);
    const secrets = [...tokens, ...voters.slice(0, 3).flatMap((v) => [v.birthDate, v.familyName])];
    for (const secret of secrets) expect(log.filter((line) => line.includes(secret))).toEqual([]);
  });
});
