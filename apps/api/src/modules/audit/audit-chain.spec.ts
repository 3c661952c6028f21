import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainEvents, GENESIS_HASH, hashAuditEntry, verifyChain, type AuditEvent } from './audit-chain';
import { canonicalJson } from './canonical-json';

const ELECTION = '11111111-1111-4111-8111-111111111111';
const event = (action: string, minute: number, newValue: unknown = null): AuditEvent => ({
  at: `2025-02-23T18:${String(minute).padStart(2, '0')}:00.000Z`,
  actor: { id: '22222222-2222-4222-8222-222222222222', name: 'Erika Muster', role: 'board-member' },
  action,
  districtId: '33333333-3333-4333-8333-333333333333',
  version: 1,
  oldValue: null,
  newValue,
  reason: null,
});

describe('canonical JSON', () => {
  it('should not depend on key order and leave out undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: null }], c: undefined })).toBe('{"a":[{"x":null,"y":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  // Every stored hash depends on these bytes: the one-pass writer must write what the first version
  // (entries filtered, sorted and joined) wrote, for any JSON value and for the values events hold.
  it('should write the same bytes as the first version for any value', () => {
    const firstVersion = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
      if (Array.isArray(value)) return `[${value.map((item) => firstVersion(item === undefined ? null : item)).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${firstVersion(member)}`).join(',')}}`;
    };
    const values = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false, 0, -0, 1.5, -7, ''),
        fc.string(),
        fc.date({ noInvalidDate: true }),
        fc.array(tie('value')),
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('0', '10', '2', '__proto__', 'a', 'B')), tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), values), (value) => {
        expect(canonicalJson(value)).toBe(firstVersion(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('should write undefined in an array as null, a hole as nothing, and a date as its ISO string', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([undefined, , 1])).toBe('[null,,1]');
    expect(canonicalJson({ at: new Date('2025-02-23T18:00:00.000Z') })).toBe('{"at":"2025-02-23T18:00:00.000Z"}');
  });
});

describe('audit hash chain', () => {
  const events = [event('report.entered', 1, { B: 820 }), event('report.approved', 2), event('report.corrected', 3, { B: 821 })];
  const chain = chainEvents(ELECTION, { seq: 0, hash: GENESIS_HASH }, events);
  const head = { seq: 3, hash: chain[2]!.hash };

  it('should link each entry to its predecessor, starting at the genesis hash', () => {
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain[2]!.hash).toBe(hashAuditEntry(ELECTION, 3, events[2]!, chain[1]!.hash));
    expect(verifyChain(ELECTION, chain, head)).toEqual({ valid: true, entries: 3 });
  });

  it('should continue a chain from its head', () => {
    const first = chainEvents(ELECTION, { seq: 0, hash: GENESIS_HASH }, events.slice(0, 2));
    const rest = chainEvents(ELECTION, { seq: 2, hash: first[1]!.hash }, events.slice(2));
    expect([...first, ...rest]).toEqual(chain);
  });

  it('should find a changed entry', () => {
    const tampered = chain.map((e) => (e.seq === 2 ? { ...e, newValue: { B: 999 } } : e));
    expect(verifyChain(ELECTION, tampered, head)).toMatchObject({ valid: false, firstBrokenEntry: 2 });
  });

  it('should find a deleted entry in the middle and at the end', () => {
    expect(verifyChain(ELECTION, [chain[0]!, chain[2]!], head)).toMatchObject({ valid: false, firstBrokenEntry: 2 });
    expect(verifyChain(ELECTION, chain.slice(0, 2), head)).toMatchObject({ valid: false, firstBrokenEntry: 3 });
  });

  it('should find an entry whose hash was recomputed after a change (its successor no longer links)', () => {
    const changed = { ...chain[1]!, reason: 'nachträglich' };
    const rehashed = { ...changed, hash: hashAuditEntry(ELECTION, 2, changed, changed.prevHash) };
    expect(verifyChain(ELECTION, [chain[0]!, rehashed, chain[2]!], head)).toMatchObject({ valid: false, firstBrokenEntry: 3 });
  });

  it('should accept an empty log without head', () => {
    expect(verifyChain(ELECTION, [], null)).toEqual({ valid: true, entries: 0 });
  });
});
