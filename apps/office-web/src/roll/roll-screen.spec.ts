import { describe, expect, it } from 'vitest';
import type { RegisterImportStatus } from '../api/roll.types';
import {
  buildPanelState,
  decisionRequest,
  importOutcome,
  progressLabel,
  proposalLines,
  rollStatusKey,
  selectedOpen,
  unlistedErrors,
  uploadProgress,
} from './roll-screen';

const status = (extra: Partial<RegisterImportStatus> = {}): RegisterImportStatus => ({
  id: 'job-1',
  electionId: 'e1',
  source: 'upload',
  status: 'running',
  fileName: 'melderegister.csv',
  encoding: 'utf-8',
  skipInvalid: false,
  unchanged: false,
  unchangedFromImportId: null,
  recordsRead: 1200,
  rowsImported: 0,
  rowsRejected: 0,
  errorCount: 0,
  message: null,
  progress: { done: 40_000, total: 100_000, unit: 'bytes', percent: 40, recordsPerSecond: 9000 },
  residentsEntered: null,
  residentsUnassigned: null,
  proposalsCreated: null,
  resumable: false,
  createdBy: 'wahlamt',
  startedAt: '2029-08-01T08:00:00.000Z',
  finishedAt: null,
  rejectedReportUrl: null,
  ...extra,
});

describe('uploadProgress', () => {
  it('should follow the bytes sent and add the records the server has read', () => {
    expect(uploadProgress(25_000, 100_000, null)).toEqual({ percent: 25, records: null, recordsPerSecond: null });
    expect(uploadProgress(25_000, 100_000, status())).toEqual({ percent: 40, records: 1200, recordsPerSecond: 9000 });
  });

  it('should stay at 99 % until the answer and never run backwards', () => {
    expect(uploadProgress(100_000, 100_000, null).percent).toBe(99);
    expect(uploadProgress(10_000, 100_000, null, 60).percent).toBe(60);
  });

  it('should have no percentage while nothing tells the size', () => {
    expect(uploadProgress(5000, 0, null).percent).toBeNull();
  });
});

describe('import results', () => {
  it('should tell the outcomes apart', () => {
    expect(importOutcome(status())).toBe('running');
    expect(importOutcome(status({ status: 'failed', errorCount: 3 }))).toBe('failed');
    expect(importOutcome(status({ status: 'succeeded', unchanged: true }))).toBe('unchanged');
    expect(importOutcome(status({ status: 'succeeded', rowsImported: 998, rowsRejected: 2 }))).toBe('imported-with-skips');
    expect(importOutcome(status({ status: 'succeeded', rowsImported: 1000 }))).toBe('imported');
  });

  it('should count the problems beyond the first 100 listed', () => {
    expect(unlistedErrors({ errorCount: 250, errors: new Array(100).fill(null) })).toBe(150);
    expect(unlistedErrors({ errorCount: 3, errors: [1, 2, 3] })).toBe(0);
  });
});

describe('change proposals', () => {
  const district = (number: string, voterNumber: number | null) => `Bezirk ${number}${voterNumber ? `, Nr. ${voterNumber}` : ''}`;

  it('should show a move as the roll entry before and the register after', () => {
    const lines = proposalLines(
      {
        details: {
          before: {
            familyName: 'Muster',
            givenNames: 'Erika',
            birthDate: '1970-05-01',
            address: 'Hauptstraße 1, 76999 Wahlingen',
            districtNumber: '0101',
            voterNumber: 17,
          },
          after: {
            familyName: 'Muster',
            givenNames: 'Erika',
            birthDate: '1970-05-01',
            address: 'Am Markt 3, 76999 Wahlingen',
            districtNumber: '0102',
          },
        },
      },
      district,
    );
    expect(lines).toEqual({
      before: 'Muster, Erika · 1970-05-01 · Hauptstraße 1, 76999 Wahlingen · Bezirk 0101, Nr. 17',
      after: 'Muster, Erika · 1970-05-01 · Am Markt 3, 76999 Wahlingen · Bezirk 0102',
    });
    expect(proposalLines({ details: { before: { familyName: 'Alt' } } }, district)).toEqual({ before: 'Alt', after: null });
  });

  it('should decide only ticked proposals that are still open', () => {
    const proposals = [
      { id: 'a', status: 'open' as const },
      { id: 'b', status: 'accepted' as const },
      { id: 'c', status: 'open' as const },
    ];
    expect(selectedOpen(proposals, new Set(['a', 'b']))).toEqual(['a']);
    expect(selectedOpen(proposals, new Set())).toEqual([]);
  });
});

describe('progressLabel', () => {
  const texts = { unknown: 'läuft', records: (count: number) => `${count} Datensätze`, rate: (count: number) => `${count}/s` };

  it('should name percent, records and rate as far as they are known', () => {
    expect(progressLabel({ percent: 42, records: 12000, recordsPerSecond: 2999.6 }, texts)).toBe('42 % · 12000 Datensätze · 3000/s');
    expect(progressLabel({ percent: null, records: null, recordsPerSecond: null }, texts)).toBe('läuft');
    expect(progressLabel({ percent: 0, records: 0, recordsPerSecond: 0 }, texts)).toBe('0 % · 0 Datensätze');
  });
});

describe('buildPanelState', () => {
  it('should offer a first build, then a rebuild', () => {
    expect(buildPanelState(null)).toEqual({ disabled: false, label: 'roll.rebuild', hint: 'roll.buildHint' });
    expect(buildPanelState({ status: 'not-built', numbersLocked: false, outdated: false })).toEqual({
      disabled: false,
      label: 'roll.build',
      hint: 'roll.buildHint',
    });
    expect(buildPanelState({ status: 'built', numbersLocked: false, outdated: false }).label).toBe('roll.rebuild');
  });

  it('should call a built roll older than the last import outdated and ask for a rebuild', () => {
    const outdated = { status: 'built', numbersLocked: false, outdated: true } as const;
    expect(buildPanelState(outdated)).toEqual({ disabled: false, label: 'roll.rebuild', hint: 'roll.buildOutdated' });
    expect(rollStatusKey(outdated)).toBe('roll.status.outdated');
    expect(rollStatusKey({ status: 'built', outdated: false })).toBe('roll.status.built');
  });

  it('should refuse a build once the roll is frozen or its numbers are locked', () => {
    expect(buildPanelState({ status: 'frozen', numbersLocked: true, outdated: false })).toEqual({
      disabled: true,
      label: 'roll.rebuild',
      hint: 'roll.buildFrozen',
    });
    expect(buildPanelState({ status: 'built', numbersLocked: true, outdated: true })).toEqual({
      disabled: true,
      label: 'roll.rebuild',
      hint: 'roll.buildLocked',
    });
  });
});

describe('decisionRequest', () => {
  it('should require a reason before anything else', () => {
    expect(decisionRequest('accept', '   ', ['a'], '')).toEqual({ ok: false, problem: 'reason-missing' });
    expect(decisionRequest('accept', '', [], '')).toEqual({ ok: false, problem: 'reason-missing' });
  });

  it('should refuse an empty selection', () => {
    expect(decisionRequest('reject', 'Doppelt', [], '')).toEqual({ ok: false, problem: 'none-selected' });
  });

  it('should send the chosen ids, or all open proposals of a kind', () => {
    expect(decisionRequest('reject', ' Doppelt ', ['a', 'c'], 'moved-away')).toEqual({
      ok: true,
      body: { decision: 'reject', reason: 'Doppelt', proposalIds: ['a', 'c'] },
    });
    expect(decisionRequest('accept', 'Meldeamt', null, '')).toEqual({ ok: true, body: { decision: 'accept', reason: 'Meldeamt' } });
    expect(decisionRequest('accept', 'Meldeamt', null, 'moved-away')).toEqual({
      ok: true,
      body: { decision: 'accept', reason: 'Meldeamt', kind: 'moved-away' },
    });
  });
});
