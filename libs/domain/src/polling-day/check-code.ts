import type { QuickReport, ResultContest } from '../results/quick-report.types';

// Second channel (DOMAIN.md R7.16; Bavaria's Landeswahlleiter 2017 on BSI advice): the board reads a
// short code computed from its reported figures to the office by phone; the office enters it and
// only then does the report count. The rule, so that anyone can recompute it by hand:
//
//   figures   A1, A2, A3, B, B1, then per contest in ballot order C, D, D1 … Dn (E, F, F1 … Fn …)
//   h₀ = 0;   hᵢ = (hᵢ₋₁ · 1009 + vᵢ) mod 9973   with vᵢ = figure + 1, and 0 for an empty figure
//   code      h as four digits, zero-padded ("0417")
//
// 9973 is prime and 1009 is not a multiple of it, so a single wrong figure that is off by less than
// 9973 always changes the code, and so does a figure read into the neighbouring field (positional).

const MODULUS = 9973;
const BASE = 1009;

/** The figures of a report in form order (empty = null), as the code covers them. */
export function checkCodeFigures(report: QuickReport, contests: readonly ResultContest[]): (number | null)[] {
  const figures: (number | null)[] = [report.A1, report.A2, report.A3, report.B, report.B1];
  for (const contest of contests) {
    const counts = report.contests.find((candidate) => candidate.contestId === contest.id);
    figures.push(counts?.invalid ?? null, counts?.valid ?? null, ...contest.listIds.map((listId) => counts?.votes[listId] ?? null));
  }
  return figures;
}

/** The four-digit check code of a sequence of figures (rule above). */
export function checkCodeOf(figures: readonly (number | null)[]): string {
  let hash = 0;
  for (const figure of figures) hash = (hash * BASE + (figure === null ? 0 : figure + 1)) % MODULUS;
  return String(hash).padStart(4, '0');
}

/** The code the board reads out for its report. */
export const reportCheckCode = (report: QuickReport, contests: readonly ResultContest[]): string =>
  checkCodeOf(checkCodeFigures(report, contests));

/** Whether the code the office entered matches the report (spaces and dashes as read out are ignored). */
export const checkCodeMatches = (entered: string, report: QuickReport, contests: readonly ResultContest[]): boolean =>
  entered.replace(/[\s-]/gu, '') === reportCheckCode(report, contests);
