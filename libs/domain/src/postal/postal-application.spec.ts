import { describe, expect, it } from 'vitest';
import { applicationStateMessage, blocksNewApplication, mayReplace, transitionApplication } from './postal-application';
import { formatApplicationReference, formatCertificateNumber, parseApplicationReference } from './postal-numbers';

describe('postal application states', () => {
  it('should issue or reject a received application', () => {
    expect(transitionApplication('received', { kind: 'issue' })).toEqual({ ok: true, value: 'issued' });
    expect(transitionApplication('received', { kind: 'reject', reason: 'Nicht im Wählerverzeichnis' })).toEqual({
      ok: true,
      value: 'rejected',
    });
  });

  it('should never issue twice (R3.8) nor reopen a rejected application', () => {
    const twice = transitionApplication('issued', { kind: 'issue' });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toContain('bereits ausgestellt');
    expect(transitionApplication('rejected', { kind: 'issue' }).ok).toBe(false);
    expect(transitionApplication('issued', { kind: 'reject', reason: 'x' }).ok).toBe(false);
  });

  it('should require a reason to reject', () => {
    expect(transitionApplication('received', { kind: 'reject', reason: '  ' }).ok).toBe(false);
  });

  it('should let only a rejected application make way for a new one', () => {
    expect([blocksNewApplication('received'), blocksNewApplication('issued'), blocksNewApplication('rejected')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('should not replace a lost certificate, but one that never arrived', () => {
    expect(mayReplace('lost')).toBe(false);
    expect(mayReplace('not-received')).toBe(true);
    expect(mayReplace('damaged')).toBe(true);
  });

  it('should tell the voter the state of the first application', () => {
    const message = applicationStateMessage({
      state: 'issued',
      reference: 'A-0000042-2',
      delivery: 'home',
      receivedDay: '03.02.2025',
      issuedDay: '04.02.2025',
    });
    expect(message).toBe(
      'Für Sie liegt bereits ein Wahlscheinantrag vor (Antragsnummer A-0000042-2, eingegangen am 03.02.2025). Der Wahlschein wurde am 04.02.2025 ausgestellt und mit den Briefwahlunterlagen versandt.',
    );
  });
});

describe('postal numbers', () => {
  it('should format references with a Luhn check digit and read them back', () => {
    // Luhn over 0000042: doubling from the right gives 4 (2×2) + 4 = 8, check digit 2.
    expect(formatApplicationReference(42)).toBe('A-0000042-2');
    expect(parseApplicationReference('a 0000042 2')).toBe(42);
    expect(parseApplicationReference('A-0000042-3')).toBeNull();
    expect(parseApplicationReference('A-0000024-2')).toBeNull();
    expect(formatApplicationReference(1234567)).toBe('A-1234567-4');
  });

  it('should number certificates by district and running number', () => {
    expect(formatCertificateNumber('0101', 7)).toBe('0101-000007');
    expect(() => formatCertificateNumber('0101', 0)).toThrow(RangeError);
  });
});
