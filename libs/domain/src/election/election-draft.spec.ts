import { describe, expect, it } from 'vitest';
import { draftFromPrevious, emptyDraft } from './election-draft';
import { validateElectionDefinition } from './election-definition.schema';
import { sampleBundestagDefinition } from '../../test-support/election-definition.fixture';

const head = { kind: 'landtag-bw', name: 'Landtagswahl 2026', electionDay: '2026-03-08' } as const;

describe('election drafts', () => {
  it('should start an empty election for the municipality, valid as a draft only', () => {
    const draft = emptyDraft({ ...head, deadlines: {} }, { ags: '08212000', name: 'Stadt Karlsruhe' });
    expect(draft).toEqual({
      schemaVersion: 1,
      ...head,
      municipality: { ags: '08212000', name: 'Stadt Karlsruhe' },
      pollingStations: [],
      districts: [],
      contests: [],
      streets: [],
    });
    expect(validateElectionDefinition(draft, { draft: true }).ok).toBe(true);
  });

  it('should copy territory, stations, lists and streets of a previous election but not its deadlines, results or constituency', () => {
    const previous = sampleBundestagDefinition();
    const draft = draftFromPrevious({ ...head, deadlines: { rollCutoffDay: '2026-01-20' } }, previous);
    expect(draft).toEqual({
      schemaVersion: 1,
      ...head,
      deadlines: { rollCutoffDay: '2026-01-20' },
      municipality: previous.municipality,
      pollingStations: previous.pollingStations,
      districts: previous.districts,
      contests: previous.contests,
      streets: previous.streets,
    });
    expect(validateElectionDefinition(draft, { draft: true }).ok).toBe(true);
  });

  it('should keep the constituency when the kind stays the same', () => {
    const previous = sampleBundestagDefinition();
    const draft = draftFromPrevious({ kind: 'bundestag', name: 'Bundestagswahl 2029', electionDay: '2029-09-23' }, previous);
    expect(draft.constituency).toEqual(previous.constituency);
  });
});
