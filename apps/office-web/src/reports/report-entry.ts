import type { QuickReport } from '@wahl/domain';
import type { FormField, ReportSubmission, ReportForm } from '../api/election-night.types';
import type { ProblemError } from '../api/office-api.types';

// The entry form of a quick report as plain data: what the inputs hold (text, keyed by
// Kennbuchstabe), the request body built from them, the live sums shown while typing, and which
// plausibility finding of a 422 belongs next to which input. No DOM here, so it is unit-tested.

/** Input texts keyed by Kennbuchstabe (`A1`, `D3` …) and `markedCount`, `comment`. */
export type EntryValues = Readonly<Record<string, string>>;

export type CountInput = { readonly kind: 'empty' } | { readonly kind: 'count'; readonly value: number } | { readonly kind: 'invalid' };

/** Digits only; spaces and German thousands dots ("1.200") are allowed, anything else is not a count. */
export function parseCount(text: string | undefined): CountInput {
  const compact = (text ?? '').replace(/[\s.\u202f\u00a0]/g, '');
  if (compact === '') return { kind: 'empty' };
  if (!/^\d{1,9}$/.test(compact)) return { kind: 'invalid' };
  return { kind: 'count', value: Number(compact) };
}

export type FormSection = {
  /** `eligible`, `voters`, or the contest key. */
  readonly id: string;
  /** Heading: a message key for the fixed sections, the contest name otherwise. */
  readonly title: { readonly key: 'entry.section.eligible' | 'entry.section.voters' } | { readonly text: string };
  readonly letters: readonly string[];
  readonly fields: readonly FormField[];
};

const ELIGIBLE = new Set(['A1', 'A2', 'A3', 'A']);

/** The numeric fields grouped as on the paper form: A…, B/B1, then per contest C/D/D1… (E/F/F1…). */
export function formSections(form: ReportForm): FormSection[] {
  const eligible = form.fields.filter((field) => ELIGIBLE.has(field.letter));
  const voters = form.fields.filter((field) => !ELIGIBLE.has(field.letter));
  const sections: FormSection[] = [];
  if (eligible.length)
    sections.push({ id: 'eligible', title: { key: 'entry.section.eligible' }, letters: eligible.map((f) => f.letter), fields: eligible });
  sections.push({ id: 'voters', title: { key: 'entry.section.voters' }, letters: voters.map((f) => f.letter), fields: voters });
  for (const contest of form.contests) {
    const fields = [contest.invalid, contest.valid, ...contest.lists];
    sections.push({ id: contest.key, title: { text: contest.name }, letters: fields.map((f) => f.letter), fields });
  }
  return sections;
}

/** Every numeric field in form order (the optional `markedCount` last). */
export function numericFields(form: ReportForm): FormField[] {
  return [...formSections(form).flatMap((section) => section.fields), ...form.extra.filter((field) => field.letter !== 'comment')];
}

export type InputProblem = 'required' | 'invalid';

export type BuiltBody =
  | { readonly ok: true; readonly body: ReportSubmission }
  | { readonly ok: false; readonly problems: Readonly<Record<string, InputProblem>> };

/**
 * The request body from the input texts. Required fields must hold a count; the optional
 * `markedCount` may stay empty. A postal district sends no A fields at all (they are "not applicable", P9).
 */
export function buildReportBody(
  form: ReportForm,
  values: EntryValues,
  expectedVersion: number,
  confirmations: ReportSubmission['confirmations'] = [],
): BuiltBody {
  const problems: Record<string, InputProblem> = {};
  const counts: Record<string, number | null> = {};
  for (const field of numericFields(form)) {
    const parsed = parseCount(values[field.letter]);
    if (parsed.kind === 'invalid') problems[field.letter] = 'invalid';
    else if (parsed.kind === 'empty' && field.required) problems[field.letter] = 'required';
    counts[field.letter] = parsed.kind === 'count' ? parsed.value : null;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const count = (letter: string): number => counts[letter] ?? 0;
  const eligible = Object.fromEntries(
    form.fields.filter((field) => ELIGIBLE.has(field.letter)).map((field) => [field.letter, counts[field.letter] ?? null]),
  );
  const comment = (values['comment'] ?? '').trim();
  return {
    ok: true,
    body: {
      ...eligible,
      B: count('B'),
      B1: count('B1'),
      contests: form.contests.map((contest) => ({
        contestId: contest.key,
        invalid: count(contest.invalid.letter),
        valid: count(contest.valid.letter),
        votes: Object.fromEntries(contest.lists.map((list) => [list.key, count(list.letter)])),
      })),
      markedCount: counts['markedCount'] ?? null,
      comment: comment || null,
      expectedVersion,
      confirmations,
    },
  };
}

const text = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** The inputs of a stored version, e.g. to prefill a correction. */
export function valuesFromReport(form: ReportForm, report: QuickReport): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of form.fields) values[field.letter] = text((report as Record<string, unknown>)[field.letter] as number | null);
  for (const contest of form.contests) {
    const counts = report.contests.find((candidate) => candidate.contestId === contest.key);
    values[contest.invalid.letter] = text(counts?.invalid);
    values[contest.valid.letter] = text(counts?.valid);
    for (const list of contest.lists) values[list.letter] = text(counts?.votes[list.key]);
  }
  values['markedCount'] = text(report.markedCount);
  values['comment'] = report.comment ?? '';
  return values;
}

/** A1, A2, A3 and their sum A from the closed roll (BWO § 24), to start an empty entry with; none while the roll is open. */
export function closingValues(form: ReportForm): Record<string, string> {
  const closing = form.rollClosing;
  if (!closing) return {};
  return { A1: String(closing.A1), A2: String(closing.A2), A3: String(closing.A3), A: String(closing.A1 + closing.A2 + closing.A3) };
}

/** A sum shown beside a field while typing; `matches` is null until every part and the target hold a count. */
export type LiveSum = {
  /** The field the sum is compared with (`A`, `D`, `B` …). */
  readonly target: string;
  readonly parts: readonly string[];
  readonly sum: number;
  readonly complete: boolean;
  readonly targetValue: number | null;
  readonly matches: boolean | null;
};

function liveSum(values: EntryValues, target: string, parts: readonly string[]): LiveSum {
  let sum = 0;
  let complete = true;
  for (const part of parts) {
    const parsed = parseCount(values[part]);
    if (parsed.kind === 'count') sum += parsed.value;
    else complete = false;
  }
  const targetParsed = parseCount(values[target]);
  const targetValue = targetParsed.kind === 'count' ? targetParsed.value : null;
  return { target, parts, sum, complete, targetValue, matches: complete && targetValue !== null ? sum === targetValue : null };
}

/**
 * The sums the paper form asks for (DOMAIN.md 4.2): A = A1 + A2 + A3 (P1), per contest
 * C + D = B (P5) and D = D1 + … + Dn (P6). Keyed by the field they are shown at.
 */
export function liveSums(form: ReportForm, values: EntryValues): Record<string, LiveSum> {
  const sums: Record<string, LiveSum> = {};
  if (form.fields.some((field) => field.letter === 'A')) sums['A'] = liveSum(values, 'A', ['A1', 'A2', 'A3']);
  for (const contest of form.contests) {
    sums[contest.invalid.letter] = liveSum(values, 'B', [contest.invalid.letter, contest.valid.letter]);
    sums[contest.valid.letter] = liveSum(
      values,
      contest.valid.letter,
      contest.lists.map((list) => list.letter),
    );
  }
  return sums;
}

export type Finding = {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly fields: readonly string[];
  readonly message: string;
};

/** The plausibility findings of a 422 answer (entries without a rule are plain input errors). */
export function findingsOf(errors: readonly ProblemError[]): Finding[] {
  return errors.flatMap((error) =>
    error.rule && error.message
      ? [
          {
            rule: error.rule,
            severity: error.severity === 'warning' ? ('warning' as const) : ('error' as const),
            fields: error.fields ?? [],
            message: error.message,
          },
        ]
      : [],
  );
}

/**
 * Where a finding is shown: once per form section that holds one of its fields, below the last
 * named field of that section (P5 names C, D and B: below D in the contest and below B). Fields
 * the form does not have (e.g. `contests`) fall back to the summary at the top.
 */
export function findingPlacement(
  form: ReportForm,
  finding: Finding,
): { readonly anchors: readonly string[]; readonly fields: readonly string[] } {
  const layout = [...formSections(form).map((section) => section.letters), form.extra.map((field) => field.letter)];
  const anchors: string[] = [];
  const fields: string[] = [];
  for (const letters of layout) {
    const named = letters.filter((letter) => finding.fields.includes(letter));
    if (named.length === 0) continue;
    fields.push(...named);
    anchors.push(named[named.length - 1]!);
  }
  return { anchors, fields };
}

/** Warning rules the entering person must confirm with a comment before the report is accepted. */
export const warningRules = (findings: readonly Finding[]): string[] => [
  ...new Set(findings.filter((f) => f.severity === 'warning').map((f) => f.rule)),
];
