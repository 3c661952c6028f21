import type { PreviousAreaResult } from '../election/election-definition.types';
import { formatCount, formatPercent, roundedPercent } from './number-format';
import {
  contestLetters,
  listLetter,
  type ContestCounts,
  type DistrictKind,
  type QuickReport,
  type ResultContest,
} from './quick-report.types';

// Plausibility rules of the Schnellmeldung, DOMAIN.md 4.2 (BWO Anlage 28/29/31, BWO § 68).
// Errors block acceptance of a report; warnings need an explicit confirmation (phone read-back).

export type PlausibilityRuleId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'P8' | 'P9' | 'P10' | 'P11' | 'P12';
export type FindingSeverity = 'error' | 'warning';

export type PlausibilityFinding = {
  readonly rule: PlausibilityRuleId;
  readonly severity: FindingSeverity;
  /** Kennbuchstaben (`A`, `B1`, `D3` …) or report keys (`markedCount`, `comment`) the finding concerns. */
  readonly fields: readonly string[];
  /** German, names the numbers involved. */
  readonly message: string;
};

/** Soft limits of P8 in percent; the defaults are the examples of DOMAIN.md 4.2. */
export type PlausibilityThresholds = {
  readonly maxTurnoutPercent: number;
  readonly minTurnoutPercent: number;
  readonly maxInvalidPercent: number;
  /** Warn when a list's share exceeds this multiple of its previous share. */
  readonly maxShareGrowthFactor: number;
};

export const DEFAULT_PLAUSIBILITY_THRESHOLDS: PlausibilityThresholds = {
  maxTurnoutPercent: 95,
  minTurnoutPercent: 20,
  maxInvalidPercent: 5,
  maxShareGrowthFactor: 2,
};

/** The previous election in the same district, per contest (shape of `PreviousAreaResult`). */
export type PreviousContestResult = Pick<PreviousAreaResult, 'contest' | 'valid' | 'votes'>;

export type PlausibilityContext = {
  /** Bezirksart from the election definition; authoritative over the report's own field. */
  readonly districtKind: DistrictKind;
  /** The election's contests in ballot order (first → C/D, second → E/F). */
  readonly contests: readonly ResultContest[];
  /** A1 + A2 of the closed roll after the "W" supplements of R1.16 (P2); `null` if unknown. */
  readonly closingCount?: number | null;
  /** Previous election's result in this district, for the share check of P8. */
  readonly previous?: readonly PreviousContestResult[];
  readonly thresholds?: Partial<PlausibilityThresholds>;
};

export const hasBlockingFindings = (findings: readonly PlausibilityFinding[]): boolean =>
  findings.some((finding) => finding.severity === 'error');

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** Share denominator: valid votes, or for cumulative council ballots all list votes (R5.6). */
const shareBase = (valid: number, votes: readonly number[], votesPerBallot: number): number => (votesPerBallot === 1 ? valid : sum(votes));

export const checkQuickReport = (report: QuickReport, context: PlausibilityContext): PlausibilityFinding[] => {
  const thresholds = { ...DEFAULT_PLAUSIBILITY_THRESHOLDS, ...context.thresholds };
  const findings: PlausibilityFinding[] = [];
  // Fields that failed P6; arithmetic rules that involve them are skipped to avoid follow-up noise.
  const broken = new Set<string>();
  const error = (rule: PlausibilityRuleId, fields: readonly string[], message: string) =>
    findings.push({ rule, severity: 'error', fields, message });
  const warning = (rule: PlausibilityRuleId, fields: readonly string[], message: string) =>
    findings.push({ rule, severity: 'warning', fields, message });
  const intact = (...fields: string[]) => fields.every((field) => !broken.has(field));

  // P6: all counts are non-negative integers (4.2 P6).
  const requireCount = (field: string, value: unknown) => {
    if (isCount(value)) return;
    broken.add(field);
    error(
      'P6',
      [field],
      value === null || value === undefined
        ? `${field} fehlt.`
        : `${field} muss eine ganze Zahl ≥ 0 sein (eingegeben: ${formatCount(value as number)}).`,
    );
  };

  const kind = context.districtKind;
  // P9 / R2.5: the Bezirksart decides which rules apply; a report of the wrong kind is not accepted.
  if (report.districtKind !== kind) {
    error(
      'P9',
      ['districtKind'],
      `Die Meldung ist als ${kindLabel(report.districtKind)} erfasst, der Bezirk ${report.districtId} ist aber ein ${kindLabel(kind)}.`,
    );
  }

  const eligibleFields = ['A', 'A1', 'A2', 'A3'] as const;
  if (kind === 'polling') {
    for (const field of eligibleFields) requireCount(field, report[field]);
  } else {
    // P9: a Briefwahlbezirk has no eligible voters of its own – the fields stay empty, not 0 (R2.5).
    for (const field of eligibleFields) {
      if (report[field] !== null && report[field] !== undefined) {
        error(
          'P9',
          [field],
          `${field} muss bei einem Briefwahlbezirk leer bleiben (nicht ${formatCount(report[field])}), da er keine eigenen Wahlberechtigten hat.`,
        );
      }
    }
  }
  requireCount('B', report.B);
  requireCount('B1', report.B1);
  if (report.markedCount !== null && report.markedCount !== undefined) requireCount('markedCount', report.markedCount);

  const contests = matchContests(report, context.contests, error, requireCount, (field) => broken.add(field));

  if (kind === 'polling') {
    const { A, A1, A2, A3, B, B1 } = report as QuickReport & Record<'A' | 'A1' | 'A2' | 'A3', number>;
    // P1: A = A1 + A2 + A3 (4.1, BWO Anlage 28).
    if (intact('A', 'A1', 'A2', 'A3') && A !== A1 + A2 + A3) {
      error(
        'P1',
        ['A', 'A1', 'A2', 'A3'],
        `A (${formatCount(A)}) stimmt nicht mit A1 + A2 + A3 = ${formatCount(A1)} + ${formatCount(A2)} + ${formatCount(A3)} = ${formatCount(A1 + A2 + A3)} überein.`,
      );
    }
    // P2: A1 + A2 = closing count of the roll after the "W" supplements (BWO § 24, § 53(2), R1.16, R1.21).
    const closing = context.closingCount;
    if (closing !== null && closing !== undefined && intact('A1', 'A2') && A1 + A2 !== closing) {
      error(
        'P2',
        ['A1', 'A2'],
        `A1 + A2 = ${formatCount(A1)} + ${formatCount(A2)} = ${formatCount(A1 + A2)} weicht von der beim Abschluss des Wählerverzeichnisses festgestellten Zahl (${formatCount(closing)}) ab.`,
      );
    }
    // P3: B − B1 ≤ A1 – with "W" one votes only by handing in the Wahlschein (R1.15), so ballots
    // without Wahlschein come from A1 alone.
    if (intact('A1', 'B', 'B1') && B - B1 > A1) {
      error(
        'P3',
        ['B', 'B1', 'A1'],
        `B − B1 = ${formatCount(B)} − ${formatCount(B1)} = ${formatCount(B - B1)} ist größer als A1 (${formatCount(A1)}): Wähler ohne Wahlschein können nur aus A1 stammen.`,
      );
    }
    // P3: B ≤ A is only a warning – Wahlschein holders from other districts may vote here (in B1).
    if (intact('A', 'B') && B > A) {
      warning(
        'P3',
        ['B', 'A'],
        `B (${formatCount(B)}) ist größer als A (${formatCount(A)}). Das ist nur möglich, wenn Wähler mit Wahlschein aus anderen Wahlbezirken hier gewählt haben – bitte bestätigen.`,
      );
    }
  }

  // P4: B1 ≤ B.
  if (intact('B', 'B1') && report.B1 > report.B) {
    error('P4', ['B1', 'B'], `B1 (${formatCount(report.B1)}) ist größer als B (${formatCount(report.B)}).`);
  }

  // P9: every postal voter has a Wahlschein, so B1 = B in a Briefwahlbezirk.
  if (kind === 'postal' && intact('B', 'B1') && report.B1 !== report.B) {
    error(
      'P9',
      ['B1', 'B'],
      `B1 (${formatCount(report.B1)}) muss bei einem Briefwahlbezirk gleich B (${formatCount(report.B)}) sein, da jeder Briefwähler einen Wahlschein hat.`,
    );
  }

  for (const { index, definition, counts } of contests) {
    const letters = contestLetters(index);
    const listFields = definition.listIds.map((_, listIndex) => listLetter(index, listIndex));
    // P5: each ballot yields exactly one vote per contest, valid or invalid: C + D = B, E + F = B.
    if (intact('B', letters.invalid, letters.valid) && counts.invalid + counts.valid !== report.B) {
      error(
        'P5',
        [letters.invalid, letters.valid, 'B'],
        `${letters.invalid} + ${letters.valid} = ${formatCount(counts.invalid)} + ${formatCount(counts.valid)} = ${formatCount(counts.invalid + counts.valid)} stimmt nicht mit B (${formatCount(report.B)}) überein.`,
      );
    }
    const votesPerBallot = definition.votesPerBallot ?? 1;
    if (!intact(letters.valid, ...listFields)) continue;
    const listVotes = definition.listIds.map((listId) => counts.votes[listId] as number);
    const listTotal = sum(listVotes);
    const range = listFields.length > 0 ? `${listFields[0]} bis ${listFields[listFields.length - 1]}` : `der Listen`;
    if (votesPerBallot === 1) {
      // P6: Σ D_i = D, Σ F_i = F.
      if (listTotal !== counts.valid) {
        error(
          'P6',
          [letters.valid, ...listFields],
          `Summe ${range} = ${formatCount(listTotal)} stimmt nicht mit ${letters.valid} (${formatCount(counts.valid)}) überein.`,
        );
      }
    } else if (listTotal > counts.valid * votesPerBallot) {
      // P6 for cumulative ballots (R5.6): list votes ≤ valid ballots × votes per ballot.
      error(
        'P6',
        [letters.valid, ...listFields],
        `Summe ${range} = ${formatCount(listTotal)} ist größer als ${letters.valid} × Stimmen je Stimmzettel = ${formatCount(counts.valid)} × ${votesPerBallot} = ${formatCount(counts.valid * votesPerBallot)}.`,
      );
    }
  }

  // P7: ballots should equal Stimmabgabevermerke + Wahlscheine; B as counted stands, the deviation
  // is explained in the Niederschrift (BWO § 68) – here: a mandatory comment.
  const marked = report.markedCount;
  if (marked !== null && marked !== undefined && intact('B', 'markedCount') && marked !== report.B) {
    const commented = (report.comment ?? '').trim().length > 0;
    warning(
      'P7',
      commented ? ['B', 'markedCount'] : ['B', 'markedCount', 'comment'],
      `B (${formatCount(report.B)} Stimmzettel) weicht von Stimmabgabevermerken + Wahlscheinen (${formatCount(marked)}) ab. Maßgeblich ist die Zahl der Stimmzettel (§ 68 Abs. 1 BWO); die Abweichung ist ${commented ? 'im Kommentar erläutert – bitte bestätigen' : 'im Kommentar zu erläutern (Pflichtangabe)'}.`,
    );
  }

  findings.push(...turnoutWarnings(report, kind, thresholds, intact));
  findings.push(...invalidShareWarnings(contests, thresholds, intact));
  findings.push(...shareGrowthWarnings(contests, context.previous ?? [], thresholds, intact));
  return findings;
};

type MatchedContest = { index: number; definition: ResultContest; counts: ContestCounts };

// Pairs the report's contests with the election's; a missing or unknown contest or list is a P6 error.
const matchContests = (
  report: QuickReport,
  definitions: readonly ResultContest[],
  error: (rule: PlausibilityRuleId, fields: readonly string[], message: string) => void,
  requireCount: (field: string, value: unknown) => void,
  markBroken: (field: string) => void,
): MatchedContest[] => {
  const matched: MatchedContest[] = [];
  const known = new Set(definitions.map((definition) => definition.id));
  const seen = new Set<string>();
  for (const counts of report.contests) {
    if (!known.has(counts.contestId)) {
      error('P6', ['contests'], `Die Meldung enthält die unbekannte Stimme „${counts.contestId}“.`);
    } else if (seen.has(counts.contestId)) {
      error('P6', ['contests'], `Die Stimme „${counts.contestId}“ ist mehrfach gemeldet.`);
    }
    seen.add(counts.contestId);
  }
  definitions.forEach((definition, index) => {
    const letters = contestLetters(index);
    const counts = report.contests.find((candidate) => candidate.contestId === definition.id);
    if (!counts) {
      const fields = [letters.invalid, letters.valid, ...definition.listIds.map((_, listIndex) => listLetter(index, listIndex))];
      fields.forEach(markBroken);
      error(
        'P6',
        fields,
        `Die Angaben ${letters.invalid}, ${letters.valid} und die Stimmen je Wahlvorschlag für „${definition.id}“ fehlen.`,
      );
      return;
    }
    requireCount(letters.invalid, counts.invalid);
    requireCount(letters.valid, counts.valid);
    const listIds = new Set(definition.listIds);
    definition.listIds.forEach((listId, listIndex) => requireCount(listLetter(index, listIndex), counts.votes[listId]));
    for (const listId of Object.keys(counts.votes)) {
      if (!listIds.has(listId)) error('P6', [letters.valid], `${letters.valid}: unbekannter Wahlvorschlag „${listId}“.`);
    }
    matched.push({ index, definition, counts });
  });
  return matched;
};

// P8: turnout outliers B/A, soft check for the phone read-back. Only a polling district has A.
const turnoutWarnings = (
  report: QuickReport,
  kind: DistrictKind,
  thresholds: PlausibilityThresholds,
  intact: (...fields: string[]) => boolean,
): PlausibilityFinding[] => {
  if (kind !== 'polling' || !intact('A', 'B')) return [];
  const A = report.A as number;
  if (A === 0) return [];
  const turnout = formatPercent(roundedPercent(report.B, A));
  const ratio = `B/A = ${formatCount(report.B)}/${formatCount(A)} = ${turnout}`;
  if (100 * report.B > thresholds.maxTurnoutPercent * A) {
    return [
      {
        rule: 'P8',
        severity: 'warning',
        fields: ['B', 'A'],
        message: `Wahlbeteiligung ${ratio} liegt über ${thresholds.maxTurnoutPercent} % – bitte bestätigen.`,
      },
    ];
  }
  if (100 * report.B < thresholds.minTurnoutPercent * A) {
    return [
      {
        rule: 'P8',
        severity: 'warning',
        fields: ['B', 'A'],
        message: `Wahlbeteiligung ${ratio} liegt unter ${thresholds.minTurnoutPercent} % – bitte bestätigen.`,
      },
    ];
  }
  return [];
};

// P8: share of invalid votes (C resp. E of all votes of the contest) above the limit.
const invalidShareWarnings = (
  contests: readonly MatchedContest[],
  thresholds: PlausibilityThresholds,
  intact: (...fields: string[]) => boolean,
): PlausibilityFinding[] =>
  contests.flatMap(({ index, counts }) => {
    const letters = contestLetters(index);
    const total = counts.invalid + counts.valid;
    if (!intact(letters.invalid, letters.valid) || total === 0) return [];
    if (100 * counts.invalid <= thresholds.maxInvalidPercent * total) return [];
    const share = formatPercent(roundedPercent(counts.invalid, total));
    return [
      {
        rule: 'P8' as const,
        severity: 'warning' as const,
        fields: [letters.invalid],
        message: `Anteil ungültiger Stimmen ${letters.invalid}/(${letters.invalid} + ${letters.valid}) = ${formatCount(counts.invalid)}/${formatCount(total)} = ${share} liegt über ${thresholds.maxInvalidPercent} % – bitte bestätigen.`,
      },
    ];
  });

// P8: a list with more than `maxShareGrowthFactor` × its previous share. Lists without a previous
// result, or with 0 votes then, have no share to compare against and are skipped.
const shareGrowthWarnings = (
  contests: readonly MatchedContest[],
  previous: readonly PreviousContestResult[],
  thresholds: PlausibilityThresholds,
  intact: (...fields: string[]) => boolean,
): PlausibilityFinding[] =>
  contests.flatMap(({ index, definition, counts }) => {
    const before = previous.find((result) => result.contest === definition.id);
    const letters = contestLetters(index);
    const listFields = definition.listIds.map((_, listIndex) => listLetter(index, listIndex));
    if (!before || !intact(letters.valid, ...listFields)) return [];
    const votesPerBallot = definition.votesPerBallot ?? 1;
    const base = shareBase(
      counts.valid,
      definition.listIds.map((listId) => counts.votes[listId] as number),
      votesPerBallot,
    );
    const previousBase = shareBase(before.valid, Object.values(before.votes), votesPerBallot);
    if (base === 0 || previousBase === 0) return [];
    return definition.listIds.flatMap((listId, listIndex) => {
      const votes = counts.votes[listId] as number;
      const previousVotes = before.votes[listId];
      if (previousVotes === undefined || previousVotes === 0) return [];
      // share > factor × previous share, cross-multiplied: votes · prevBase > factor · prevVotes · base.
      if (votes * previousBase <= thresholds.maxShareGrowthFactor * previousVotes * base) return [];
      const field = listFields[listIndex] as string;
      return [
        {
          rule: 'P8' as const,
          severity: 'warning' as const,
          fields: [field],
          message: `${field} („${listId}“): Anteil ${formatPercent(roundedPercent(votes, base))} (${formatCount(votes)} von ${formatCount(base)}) ist mehr als ${formatCount(thresholds.maxShareGrowthFactor)}-mal so hoch wie bei der letzten Wahl (${formatPercent(roundedPercent(previousVotes, previousBase))}) – bitte bestätigen.`,
        },
      ];
    });
  });

const kindLabel = (kind: DistrictKind): string => (kind === 'polling' ? 'Urnenwahlbezirk' : 'Briefwahlbezirk');
