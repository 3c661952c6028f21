import { describe, expect, it } from 'vitest';
import { parseRetryAfter, toApiError } from './api-error';

const now = new Date('2026-03-08T10:00:00Z');

describe('parseRetryAfter', () => {
  it('should read delay-seconds', () => {
    expect(parseRetryAfter('900', now)).toBe(900);
  });

  it('should turn an HTTP date into the seconds left from now', () => {
    expect(parseRetryAfter('Sun, 08 Mar 2026 10:02:30 GMT', now)).toBe(150);
    expect(parseRetryAfter('Sun, 08 Mar 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('should ignore a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('bald', now)).toBeUndefined();
  });
});

describe('toApiError', () => {
  it('should keep status, German detail, code and wait of a 429 problem', () => {
    const body = { status: 429, title: 'Zu viele Anfragen', detail: 'Zu viele fehlgeschlagene Anmeldungen.', code: 'TOO_MANY_REQUESTS' };
    const error = toApiError(429, body, '900', now);
    expect([error.status, error.detail, error.code, error.retryAfterSeconds]).toEqual([
      429,
      'Zu viele fehlgeschlagene Anmeldungen.',
      'TOO_MANY_REQUESTS',
      900,
    ]);
    expect(error.message).toBe('Zu viele fehlgeschlagene Anmeldungen.');
  });

  it('should cope with a body that is not a problem', () => {
    const error = toApiError(502, '<html>Bad Gateway</html>', null, now);
    expect([error.status, error.detail, error.code, error.retryAfterSeconds]).toEqual([502, undefined, undefined, undefined]);
    expect(error.message).toBe('HTTP 502');
  });
});

describe('toApiError with plausibility findings', () => {
  it('should keep the errors of a 422 problem with rule, severity and fields', () => {
    const finding = {
      path: '$.contests[0].invalid',
      message: 'C + D = 12 + 807 = 819 stimmt nicht mit B (820) überein.',
      rule: 'P5',
      severity: 'error',
      fields: ['C', 'D', 'B'],
    };
    const error = toApiError(
      422,
      { status: 422, detail: 'Die Schnellmeldung ist nicht plausibel (P5).', errors: [finding, 'kaputt'] },
      null,
      now,
    );
    expect(error.errors).toEqual([finding]);
    expect(toApiError(409, { detail: 'Konflikt' }, null, now).errors).toEqual([]);
  });
});
