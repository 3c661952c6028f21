import { CreateElectionRequestSchema } from '@wahl/contracts';
import { DEADLINE_KEYS, deriveDeadlines, ELECTION_KINDS, emptyDraft, isIsoDate, validateElectionDefinition } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import {
  editDeadline,
  fieldOf,
  followProposal,
  formProblems,
  initialValues,
  toRequest,
  type ElectionRules,
  type NewElectionValues,
} from './new-election-form';

const rules: ElectionRules = {
  ELECTION_KINDS,
  DEADLINE_KEYS,
  deriveDeadlines,
  isIsoDate,
  emptyDraft,
  validateElectionDefinition,
  CreateElectionRequestSchema,
};
const karlsruhe = { ags: '08212000', name: 'Stadt Karlsruhe' };

const bundestag2025 = (): NewElectionValues =>
  followProposal(rules, { ...initialValues(rules, 'bundestag'), name: 'Bundestagswahl 2025', electionDay: '2025-02-23' });

describe('new election form', () => {
  it('should propose the R0.1 deadlines of kind and day (DOMAIN.md table, Bundestag 23.02.2025)', () => {
    expect(bundestag2025().deadlines).toMatchObject({
      rollCutoffDay: '2025-01-12',
      cardDeadline: '2025-02-02',
      inspectionStart: '2025-02-03',
      inspectionEnd: '2025-02-07',
      rollClosingEarliest: '2025-02-20',
      rollClosingLatest: '2025-02-22',
    });
    expect(formProblems(rules, bundestag2025(), karlsruhe)).toEqual(new Map());
    expect(toRequest(bundestag2025())).toEqual({
      kind: 'bundestag',
      name: 'Bundestagswahl 2025',
      electionDay: '2025-02-23',
      source: { from: 'empty' },
    });
  });

  it('should keep a typed deadline when kind or day change, and send only that one', () => {
    let values = editDeadline(rules, bundestag2025(), 'rollCutoffDay', '2025-01-19');
    values = followProposal(rules, { ...values, kind: 'gemeinderat-bw', electionDay: '2024-06-09' });
    // BW Kommunalwahl 09.06.2024: day 21 is 19.05.2024; the Stichtag stays as typed.
    expect(values.deadlines.cardDeadline).toBe('2024-05-19');
    expect(values.deadlines.rollCutoffDay).toBe('2025-01-19');
    expect(toRequest(values).deadlines).toEqual({ rollCutoffDay: '2025-01-19' });
    // Now after the day: the domain's rule names the field.
    expect(formProblems(rules, values, karlsruhe)).toEqual(
      new Map([['deadlines.rollCutoffDay', 'Stichtag Wählerverzeichnis muss vor dem Wahltag liegen.']]),
    );
    // Clearing the field makes it follow the proposal again (day 35: 05.05.2024).
    values = editDeadline(rules, values, 'rollCutoffDay', '');
    expect(values.deadlines.rollCutoffDay).toBe('2024-05-05');
    expect(toRequest(values)).not.toHaveProperty('deadlines');
  });

  it('should name the fields of an empty name and a day that is not a Sunday in German', () => {
    const saturday = followProposal(rules, { ...bundestag2025(), name: '  ', electionDay: '2025-02-22' });
    expect(formProblems(rules, saturday, karlsruhe)).toEqual(new Map([['name', 'Bitte einen Namen angeben.']]));
    const named = { ...saturday, name: 'Bundestagswahl 2025' };
    expect(formProblems(rules, named, karlsruhe).get('electionDay')).toMatch(/^Der Wahltag muss ein Sonntag sein/);
    const noDay = followProposal(rules, { ...named, electionDay: '' });
    expect(noDay.deadlines.cardDeadline).toBe('');
    expect(formProblems(rules, noDay, karlsruhe)).toEqual(new Map([['electionDay', 'Kein gültiges Kalenderdatum (Format JJJJ-MM-TT).']]));
  });

  it('should map API paths and schema paths to the same field', () => {
    expect(fieldOf('$.deadlines.cardDeadline')).toBe('deadlines.cardDeadline');
    expect(fieldOf(['deadlines', 'cardDeadline'])).toBe('deadlines.cardDeadline');
    expect(fieldOf('$.source.electionId')).toBe('source.electionId');
    expect(fieldOf('$')).toBe('');
  });
});
