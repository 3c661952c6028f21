import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  draftHasInput,
  draftKey,
  isOwnDraft,
  loadDraft,
  newIdempotencyKey,
  saveDraft,
  type DraftStorage,
  type ReportDraft,
} from './report-draft';

const memoryStorage = (): DraftStorage & { readonly items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

const draft: ReportDraft = {
  values: { A1: '1200', A2: '300' },
  idempotencyKey: '9b2f4c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b',
  confirmations: { P8: { checked: true, comment: 'Telefonisch rückgefragt.' } },
  reason: '',
  savedAt: '2025-02-23T18:12:00.000Z',
  owner: 'principal-erika',
};

describe('draftKey', () => {
  it('should separate election, district and mode', () => {
    expect(draftKey('e1', 'd1', 'entry')).toBe('wahl.report-draft.entry.e1.d1');
    expect(
      new Set([
        draftKey('e1', 'd1', 'entry'),
        draftKey('e1', 'd2', 'entry'),
        draftKey('e2', 'd1', 'entry'),
        draftKey('e1', 'd1', 'correction'),
      ]).size,
    ).toBe(4);
  });
});

describe('draft storage', () => {
  it('should restore what was saved and forget it after clearing', () => {
    const storage = memoryStorage();
    const key = draftKey('e1', 'd1', 'entry');
    expect(saveDraft(storage, key, draft)).toBe(true);
    expect(loadDraft(storage, key)).toEqual(draft);
    clearDraft(storage, key);
    expect(loadDraft(storage, key)).toBeNull();
  });

  it('should ignore damaged drafts and missing storage', () => {
    const storage = memoryStorage();
    storage.setItem('k1', '{kaputt');
    storage.setItem('k2', JSON.stringify({ values: { A1: 5 }, idempotencyKey: 'x' }));
    storage.setItem('k3', JSON.stringify({ values: { A1: '5' } }));
    expect([loadDraft(storage, 'k1'), loadDraft(storage, 'k2'), loadDraft(storage, 'k3'), loadDraft(null, 'k1')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(saveDraft(null, 'k1', draft)).toBe(false);
  });

  it('should report a storage that refuses to write', () => {
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(saveDraft(full, 'k', draft)).toBe(false);
  });

  it('should fill in optional parts of an older draft', () => {
    const storage = memoryStorage();
    storage.setItem('k', JSON.stringify({ values: { B: '820' }, idempotencyKey: 'abc' }));
    expect(loadDraft(storage, 'k')).toEqual({
      values: { B: '820' },
      idempotencyKey: 'abc',
      confirmations: {},
      reason: '',
      savedAt: '',
      owner: '',
    });
  });

  it('should belong only to the person who typed it (a blind second entry on a shared phone starts empty)', () => {
    expect(isOwnDraft(draft, 'principal-erika')).toBe(true);
    expect(isOwnDraft(draft, 'principal-max')).toBe(false);
    expect(isOwnDraft({ ...draft, owner: '' }, 'principal-max')).toBe(false);
  });

  it('should tell a draft with input from an empty one', () => {
    expect(draftHasInput(draft)).toBe(true);
    expect(draftHasInput({ ...draft, values: { A1: ' ', A2: '' } })).toBe(false);
  });
});

describe('newIdempotencyKey', () => {
  it('should format 16 random bytes as a version-4 UUID', () => {
    const fixed = (bytes: Uint8Array): Uint8Array => {
      bytes.set([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
      return bytes;
    };
    expect(newIdempotencyKey(fixed)).toBe('00112233-4455-4677-8899-aabbccddeeff');
  });

  it('should give a different key each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
