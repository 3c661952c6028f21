import { createHash } from 'node:crypto';
import type { FieldDifference } from '@wahl/contracts';
import {
  contestLetters,
  listLetter,
  type ContestCounts,
  type PlausibilityFinding,
  type PlausibilityRuleId,
  type QuickReport,
} from '@wahl/domain';
import { AppError } from '../../platform/errors/app-error';
import { canonicalJson } from '../audit/canonical-json';
import type { ElectionNightContext, NightDistrict } from '../elections/read-model/election-night-context';
import type { WarningConfirmation } from './entities/report-version.entity';
import type { ReportBody } from '@wahl/contracts';

/**
 * The submitted numbers as the domain's QuickReport of this district: district id and kind come
 * from the path and the election (the body may repeat them; the number or id must match), contests
 * in the election's order, lists in ballot order, A…A3 absent = empty.
 */
export function toQuickReport(body: ReportBody, district: NightDistrict, context: ElectionNightContext): QuickReport {
  if (body.districtId !== undefined && body.districtId !== district.id && body.districtId !== district.number) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Die Meldung nennt den Wahlbezirk „${body.districtId}“, gesendet wurde sie aber für Wahlbezirk ${district.number}.`,
      [{ path: '$.districtId', message: `Erwartet: ${district.number} oder ${district.id}.` }],
    );
  }
  const byKey = new Map(body.contests.map((counts) => [counts.contestId, counts]));
  const known = new Set(context.contests.map((contest) => contest.key));
  const ordered: ContestCounts[] = context.contests.flatMap((contest) => {
    const counts = byKey.get(contest.key);
    if (!counts) return [];
    const listKeys = new Set(contest.lists.map((list) => list.key));
    // Ballot order first, unknown keys after them so that plausibility reports them (P6).
    const votes: Record<string, number> = {};
    for (const list of contest.lists) if (counts.votes[list.key] !== undefined) votes[list.key] = counts.votes[list.key]!;
    for (const [key, value] of Object.entries(counts.votes)) if (!listKeys.has(key)) votes[key] = value;
    return [{ contestId: contest.key, invalid: counts.invalid, valid: counts.valid, votes }];
  });
  // Unknown or repeated contests stay in, so that plausibility names them (P6).
  const extra = body.contests.filter(
    (counts, index) => !known.has(counts.contestId) || body.contests.findIndex((c) => c.contestId === counts.contestId) !== index,
  );
  return {
    districtId: district.id,
    districtKind: body.districtKind ?? district.kind,
    A: body.A ?? null,
    A1: body.A1 ?? null,
    A2: body.A2 ?? null,
    A3: body.A3 ?? null,
    B: body.B,
    B1: body.B1,
    contests: [...ordered, ...extra],
    markedCount: body.markedCount ?? null,
    comment: body.comment?.trim() ? body.comment.trim() : null,
  };
}

/** SHA-256 over the numbers (not the comment): two entries match when every number matches. */
export function reportFingerprint(report: QuickReport): string {
  const numbers = {
    kind: report.districtKind,
    A: report.A,
    A1: report.A1,
    A2: report.A2,
    A3: report.A3,
    B: report.B,
    B1: report.B1,
    markedCount: report.markedCount ?? null,
    contests: report.contests.map((counts) => ({
      id: counts.contestId,
      invalid: counts.invalid,
      valid: counts.valid,
      votes: counts.votes,
    })),
  };
  return createHash('sha256').update(canonicalJson(numbers)).digest('hex');
}

/** JSON path in the request body of a Kennbuchstabe (`D3` → `$.contests[0].votes.gruene`). */
export function fieldPath(field: string, report: QuickReport, context: ElectionNightContext): string {
  for (const [index, contest] of context.contests.entries()) {
    const letters = contestLetters(index);
    const at = report.contests.findIndex((counts) => counts.contestId === contest.key);
    const base = `$.contests[${at < 0 ? index : at}]`;
    if (field === letters.invalid) return `${base}.invalid`;
    if (field === letters.valid) return `${base}.valid`;
    const listIndex = contest.lists.findIndex((_, i) => listLetter(index, i) === field);
    if (listIndex >= 0) return `${base}.votes.${contest.lists[listIndex]!.key}`;
  }
  return `$.${field}`;
}

export type FindingError = {
  readonly path: string;
  readonly message: string;
  readonly code: PlausibilityRuleId;
  readonly rule: PlausibilityRuleId;
  readonly severity: PlausibilityFinding['severity'];
  readonly fields: readonly string[];
};

const toErrors = (findings: readonly PlausibilityFinding[], report: QuickReport, context: ElectionNightContext): FindingError[] =>
  findings.map((finding) => ({
    path: fieldPath(finding.fields[0] ?? 'B', report, context),
    message: finding.message,
    code: finding.rule,
    rule: finding.rule,
    severity: finding.severity,
    fields: finding.fields,
  }));

const ruleList = (findings: readonly PlausibilityFinding[]): string => [...new Set(findings.map((finding) => finding.rule))].join(', ');

/**
 * Plausibility (DOMAIN.md 4.2): errors block the report; each warning rule must be confirmed with a
 * comment (phone read-back practice). Returns the confirmed warnings and their confirmations.
 */
export function acceptFindings(
  findings: readonly PlausibilityFinding[],
  confirmations: readonly WarningConfirmation[],
  report: QuickReport,
  context: ElectionNightContext,
): { warnings: PlausibilityFinding[]; confirmations: WarningConfirmation[] } {
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Die Schnellmeldung ist nicht plausibel (${ruleList(errors)}) und wurde nicht gespeichert. Bitte prüfen Sie die genannten Felder.`,
      toErrors(findings, report, context),
    );
  }
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  const confirmed = new Map(confirmations.map((confirmation) => [confirmation.rule, confirmation.comment.trim()]));
  const unconfirmed = warnings.filter((warning) => !confirmed.get(warning.rule));
  if (unconfirmed.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Die Schnellmeldung enthält Auffälligkeiten (${ruleList(unconfirmed)}), die mit einem Kommentar bestätigt werden müssen (confirmations: [{ rule, comment }]). Nichts wurde gespeichert.`,
      toErrors(unconfirmed, report, context),
    );
  }
  const used = new Set<string>(warnings.map((warning) => warning.rule));
  return {
    warnings,
    confirmations: confirmations
      .filter((confirmation) => used.has(confirmation.rule))
      .map((c) => ({ rule: c.rule, comment: c.comment.trim() })),
  };
}

type FigureRow = { readonly field: string; readonly get: (report: QuickReport) => number | null };

/** Every Kennbuchstabe of the form, in form order, with how to read it from a report. */
function figureRows(context: ElectionNightContext): FigureRow[] {
  return [
    ...(['A1', 'A2', 'A3', 'A', 'B', 'B1'] as const).map((field) => ({ field, get: (report: QuickReport) => report[field] })),
    ...context.contests.flatMap((contest, index) => {
      const letters = contestLetters(index);
      const countsOf = (report: QuickReport) => report.contests.find((counts) => counts.contestId === contest.key);
      return [
        { field: letters.invalid, get: (report: QuickReport) => countsOf(report)?.invalid ?? null },
        { field: letters.valid, get: (report: QuickReport) => countsOf(report)?.valid ?? null },
        ...contest.lists.map((list, listIndex) => ({
          field: listLetter(index, listIndex),
          get: (report: QuickReport) => countsOf(report)?.votes[list.key] ?? null,
        })),
      ];
    }),
    { field: 'markedCount', get: (report: QuickReport) => report.markedCount ?? null },
  ];
}

/** The reported figures in form order, as "A1 1200", for reading them back by phone (R7.16). */
export const reportFigures = (report: QuickReport, context: ElectionNightContext): string =>
  figureRows(context)
    .filter((row) => row.field !== 'markedCount' && row.get(report) !== null)
    .map((row) => `${row.field} ${row.get(report)}`)
    .join(', ');

/** Every Kennbuchstabe whose number differs between two versions, in form order. */
export function reportDifferences(left: QuickReport, right: QuickReport, context: ElectionNightContext): FieldDifference[] {
  return figureRows(context)
    .filter((row) => row.get(left) !== row.get(right))
    .map((row) => ({ field: row.field, path: fieldPath(row.field, left, context), left: row.get(left), right: row.get(right) }));
}
