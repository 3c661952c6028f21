import { describe, expect, it } from 'vitest';
import { WORKED_FORM_0101, WORKED_FORM_0191, WORKED_VALUES_0101 } from './__fixtures__/worked-example-form.fixture';
import {
  buildReportBody,
  closingValues,
  findingPlacement,
  findingsOf,
  formSections,
  liveSums,
  numericFields,
  parseCount,
  valuesFromReport,
  warningRules,
} from './report-entry';

describe('parseCount', () => {
  it('should read digits, German thousands dots and spaces', () => {
    expect(['820', '1.200', ' 1 500 ', '0'].map(parseCount)).toEqual([
      { kind: 'count', value: 820 },
      { kind: 'count', value: 1200 },
      { kind: 'count', value: 1500 },
      { kind: 'count', value: 0 },
    ]);
  });

  it('should tell an empty input from one that is not a count', () => {
    expect(['', '   ', undefined].map(parseCount)).toEqual([{ kind: 'empty' }, { kind: 'empty' }, { kind: 'empty' }]);
    expect(['-3', '12,5', '1e3', 'zwölf'].map((text) => parseCount(text).kind)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
  });
});

describe('formSections', () => {
  it('should group the fields as on the paper form, lists in ballot order', () => {
    expect(formSections(WORKED_FORM_0101).map((section) => [section.id, section.letters.join(' ')])).toEqual([
      ['eligible', 'A1 A2 A3 A'],
      ['voters', 'B B1'],
      ['erststimme', 'C D D1 D2 D3 D4 D5'],
      ['zweitstimme', 'E F F1 F2 F3 F4 F5 F6'],
    ]);
    expect(numericFields(WORKED_FORM_0101).at(-1)?.letter).toBe('markedCount');
  });

  it('should have no eligible section for a postal district', () => {
    expect(formSections(WORKED_FORM_0191).map((section) => section.id)).toEqual(['voters', 'erststimme', 'zweitstimme']);
  });
});

describe('buildReportBody', () => {
  it('should build the worked example 0101 of DOMAIN.md 4.3 as the API takes it', () => {
    const built = buildReportBody(WORKED_FORM_0101, WORKED_VALUES_0101, 0);
    expect(built).toEqual({
      ok: true,
      body: {
        A1: 1200,
        A2: 300,
        A3: 0,
        A: 1500,
        B: 820,
        B1: 15,
        contests: [
          { contestId: 'erststimme', invalid: 12, valid: 808, votes: { cdu: 310, spd: 240, gruene: 150, fdp: 70, linke: 38 } },
          { contestId: 'zweitstimme', invalid: 7, valid: 813, votes: { cdu: 290, spd: 220, gruene: 160, fdp: 80, linke: 40, bsw: 23 } },
        ],
        markedCount: 820,
        comment: null,
        expectedVersion: 0,
        confirmations: [],
      },
    });
  });

  it('should name every missing or malformed required field and let markedCount stay empty', () => {
    const built = buildReportBody(WORKED_FORM_0101, { ...WORKED_VALUES_0101, A3: '', D2: '24O', markedCount: '' }, 0);
    expect(built).toEqual({ ok: false, problems: { A3: 'required', D2: 'invalid' } });
    const withoutMarked = buildReportBody(WORKED_FORM_0101, { ...WORKED_VALUES_0101, markedCount: '' }, 1);
    expect(withoutMarked.ok && withoutMarked.body.markedCount).toBeNull();
  });

  it('should send no A fields at all for a postal district (P9: empty, not 0)', () => {
    const built = buildReportBody(WORKED_FORM_0191, { ...WORKED_VALUES_0101, B: '260', B1: '260' }, 0);
    expect(built.ok).toBe(true);
    if (built.ok) expect(Object.keys(built.body).filter((key) => key.startsWith('A'))).toEqual([]);
  });

  it('should round-trip a stored version into the inputs (prefilled correction)', () => {
    const built = buildReportBody(WORKED_FORM_0101, WORKED_VALUES_0101, 0);
    if (!built.ok) throw new Error('worked example must build');
    const { A, A1, A2, A3 } = built.body;
    const report = {
      ...built.body,
      districtId: 'd0101',
      districtKind: 'polling' as const,
      A: A ?? null,
      A1: A1 ?? null,
      A2: A2 ?? null,
      A3: A3 ?? null,
    };
    const values = valuesFromReport(WORKED_FORM_0101, report);
    expect(values['A1']).toBe('1200');
    expect(values['F6']).toBe('23');
    expect(buildReportBody(WORKED_FORM_0101, values, 0)).toEqual(built);
  });
});

describe('liveSums', () => {
  it('should show the worked example’s sums as matching', () => {
    const sums = liveSums(WORKED_FORM_0101, WORKED_VALUES_0101);
    expect(sums['A']).toMatchObject({ sum: 1500, targetValue: 1500, matches: true });
    expect(sums['C']).toMatchObject({ target: 'B', sum: 820, matches: true });
    expect(sums['D']).toMatchObject({ parts: ['D1', 'D2', 'D3', 'D4', 'D5'], sum: 808, matches: true });
    expect(sums['F']).toMatchObject({ sum: 813, matches: true });
  });

  it('should show a partial sum while typing and a mismatch once complete', () => {
    const typing = liveSums(WORKED_FORM_0101, { ...WORKED_VALUES_0101, D4: '', D5: '' });
    expect(typing['D']).toMatchObject({ sum: 700, complete: false, matches: null });
    const off = liveSums(WORKED_FORM_0101, { ...WORKED_VALUES_0101, D: '807' });
    expect(off['D']).toMatchObject({ sum: 808, targetValue: 807, matches: false });
    expect(off['C']).toMatchObject({ sum: 819, targetValue: 820, matches: false });
  });
});

describe('findings of a 422', () => {
  const p5 = {
    path: '$.contests[0].invalid',
    message: 'C + D = 12 + 807 = 819 stimmt nicht mit B (820) überein.',
    rule: 'P5',
    severity: 'error' as const,
    fields: ['C', 'D', 'B'],
  };
  const p8 = { path: '$.B', message: 'Wahlbeteiligung 13,6 %', rule: 'P8', severity: 'warning' as const, fields: ['B', 'A'] };

  it('should keep plausibility findings and drop plain input errors', () => {
    expect(findingsOf([p5, { path: '$.B', message: 'Erwartet wird eine Zahl.' }])).toEqual([
      { rule: 'P5', severity: 'error', fields: ['C', 'D', 'B'], message: p5.message },
    ]);
  });

  it('should place P5 below D in the contest and below B among the voters, marking C, D and B', () => {
    const [finding] = findingsOf([p5]);
    expect(findingPlacement(WORKED_FORM_0101, finding!)).toEqual({ anchors: ['B', 'D'], fields: ['B', 'C', 'D'] });
  });

  it('should leave fields the form does not have to the summary', () => {
    const [finding] = findingsOf([{ ...p5, rule: 'P6', fields: ['contests'] }]);
    expect(findingPlacement(WORKED_FORM_0101, finding!)).toEqual({ anchors: [], fields: [] });
  });

  it('should list each warning rule to confirm once', () => {
    expect(warningRules(findingsOf([p8, { ...p8, fields: ['F'] }, p5]))).toEqual(['P8']);
  });
});

describe('closingValues (BWO § 24, P2)', () => {
  it('should start an entry with A1, A2, A3 of the closed roll and A as their sum (DOMAIN.md 4.3)', () => {
    expect(closingValues({ ...WORKED_FORM_0101, rollClosing: { A1: 1200, A2: 300, A3: 0 } })).toEqual({
      A1: '1200',
      A2: '300',
      A3: '0',
      A: '1500',
    });
  });

  it('should prefill nothing while the roll is open', () => {
    expect(closingValues(WORKED_FORM_0101)).toEqual({});
  });
});
