import { describe, expect, it } from 'vitest';
import { decidePollWorkerEligibility, mayRefuseForAge, type PollWorkerEligibilityFacts } from './poll-worker-eligibility';

const facts = (extra: Partial<PollWorkerEligibilityFacts>): PollWorkerEligibilityFacts => ({
  birthDate: '1980-05-17',
  livesInMunicipality: true,
  rollImported: true,
  foundInRoll: true,
  declaredEligible: false,
  isCandidate: false,
  ...extra,
});

describe('decidePollWorkerEligibility (BWahlG § 9(2),(3))', () => {
  it('should accept a resident found in the roll', () => {
    expect(decidePollWorkerEligibility(facts({}), 'bundestag', '2025-02-23')).toEqual({ state: 'register', reason: null });
  });

  it('should apply the minimum age on election day (R1.5: the 18th birthday on election day counts)', () => {
    expect(decidePollWorkerEligibility(facts({ birthDate: '2007-02-23' }), 'bundestag', '2025-02-23').state).toBe('register');
    expect(decidePollWorkerEligibility(facts({ birthDate: '2007-02-24' }), 'bundestag', '2025-02-23')).toEqual({
      state: 'ineligible',
      reason: 'under-age',
    });
    // Municipal elections in BW: 16 (GemO § 12(1)).
    expect(decidePollWorkerEligibility(facts({ birthDate: '2009-02-23' }), 'gemeinderat-bw', '2025-02-23').state).toBe('register');
  });

  it('should refuse a resident missing from the imported roll, and wait while no roll is imported', () => {
    expect(decidePollWorkerEligibility(facts({ foundInRoll: false }), 'bundestag', '2025-02-23').reason).toBe('not-in-roll');
    expect(decidePollWorkerEligibility(facts({ foundInRoll: false, rollImported: false }), 'bundestag', '2025-02-23').state).toBe(
      'unchecked',
    );
  });

  it('should rely on the declaration of a person living elsewhere', () => {
    const outside = facts({ livesInMunicipality: false, foundInRoll: false });
    expect(decidePollWorkerEligibility(outside, 'bundestag', '2025-02-23').state).toBe('unchecked');
    expect(decidePollWorkerEligibility({ ...outside, declaredEligible: true }, 'bundestag', '2025-02-23').state).toBe('declared');
  });

  it('should never accept a candidate (§ 9(3))', () => {
    expect(decidePollWorkerEligibility(facts({ isCandidate: true }), 'bundestag', '2025-02-23').reason).toBe('candidate');
  });
});

describe('mayRefuseForAge (BWO § 9 Nr. 3)', () => {
  it('should allow refusing from the 67th birthday on election day', () => {
    expect(mayRefuseForAge('1958-02-23', '2025-02-23')).toBe(true);
    expect(mayRefuseForAge('1958-02-24', '2025-02-23')).toBe(false);
  });
});
