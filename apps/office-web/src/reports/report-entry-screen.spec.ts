import { describe, expect, it } from 'vitest';
import type { ReportDraft } from './report-draft';
import type { Finding, LiveSum } from './report-entry';
import { confirmationCheck, emptyDraft, failureKind, startDraft, sumLine } from './report-entry-screen';

const draft = (extra: Partial<ReportDraft> = {}): ReportDraft => ({
  values: {},
  idempotencyKey: 'stored-key',
  confirmations: {},
  reason: '',
  savedAt: '2027-03-14T17:02:00Z',
  owner: 'vorstand-1',
  ...extra,
});
const newKey = (): string => 'new-key';

describe('startDraft', () => {
  it('should continue an own draft with its key and its values over the prefill', () => {
    const found = draft({ values: { A1: '812' }, confirmations: { P7: { checked: true, comment: 'stimmt' } } });
    const { draft: started, restored } = startDraft(found, 'vorstand-1', { A1: '800', B: '700' }, newKey);
    expect(started.values).toEqual({ A1: '812', B: '700' });
    expect(started.idempotencyKey).toBe('stored-key');
    expect(started.confirmations).toEqual({ P7: { checked: true, comment: 'stimmt' } });
    expect(restored).toBe(found);
  });

  it('should keep the key of an own draft without input but not call it restored', () => {
    const { draft: started, restored } = startDraft(draft({ values: { A1: ' ' } }), 'vorstand-1', { B: '700' }, newKey);
    expect(started.values).toEqual({ B: '700' });
    expect(started.idempotencyKey).toBe('stored-key');
    expect(restored).toBeNull();
  });

  it('should never show the draft of someone else on this device (four eyes)', () => {
    const { draft: started, restored } = startDraft(draft({ values: { A1: '812' }, owner: 'vorstand-2' }), 'vorstand-1', undefined, newKey);
    expect(started).toEqual({ values: {}, idempotencyKey: 'new-key', confirmations: {}, reason: '', savedAt: '', owner: 'vorstand-1' });
    expect(restored).toBeNull();
  });
});

describe('emptyDraft', () => {
  it('should start from the prefill with a fresh key', () => {
    expect(emptyDraft('amt', { B: '700' }, 'k')).toEqual({
      values: { B: '700' },
      idempotencyKey: 'k',
      confirmations: {},
      reason: '',
      savedAt: '',
      owner: 'amt',
    });
  });
});

describe('sumLine', () => {
  const sum = (extra: Partial<LiveSum>): LiveSum => ({
    target: 'B',
    parts: ['C', 'D'],
    sum: 819,
    complete: true,
    targetValue: 820,
    matches: null,
    ...extra,
  });

  it('should name short sums part by part and long ones by first and last', () => {
    expect(sumLine(sum({})).parts).toBe('C + D');
    expect(sumLine(sum({ parts: ['D1', 'D2', 'D3', 'D4', 'D5'] })).parts).toBe('D1 … D5');
  });

  it('should say whether the sum matches its target', () => {
    expect(sumLine(sum({ matches: true })).state).toBe('ok');
    expect(sumLine(sum({ matches: false })).state).toBe('off');
    expect(sumLine(sum({ matches: null })).state).toBe('open');
  });
});

describe('confirmationCheck', () => {
  const confirmations: Record<string, { checked: boolean; comment: string }> = {
    P7: { checked: true, comment: '  Briefwahl nachgezählt ' },
    P8: { checked: true, comment: 'ok' },
    P9: { checked: false, comment: 'geprüft und richtig' },
  };
  const of = (rule: string) => confirmations[rule] ?? { checked: false, comment: '' };

  it('should send ticked rules with a comment of at least three characters, trimmed', () => {
    expect(confirmationCheck(['P7', 'P8', 'P9', 'P10'], of)).toEqual({
      missing: ['P8', 'P9', 'P10'],
      confirmed: [{ rule: 'P7', comment: 'Briefwahl nachgezählt' }],
    });
  });
});

describe('failureKind', () => {
  const finding: Finding = { rule: 'P5', severity: 'error', fields: ['C', 'D', 'B'], message: 'C + D ≠ B' };

  it('should tell a lost connection, findings, a reused key, a conflict and other messages apart', () => {
    expect(failureKind({ status: 0, errors: [], findings: [] })).toBe('connection-lost');
    expect(failureKind({ status: 422, errors: [], findings: [finding] })).toBe('findings');
    expect(failureKind({ status: 422, errors: [{ path: 'header:Idempotency-Key' }], findings: [] })).toBe('key-reused');
    expect(failureKind({ status: 422, errors: [{ path: '$.contests' }], findings: [] })).toBe('message');
    expect(failureKind({ status: 409, errors: [], findings: [] })).toBe('conflict');
    expect(failureKind({ status: 403, errors: [], findings: [] })).toBe('message');
  });
});
