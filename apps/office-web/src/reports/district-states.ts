import { roundedPercent } from '@wahl/web-kit';
import { DISTRICT_STATES, type DistrictState, type DistrictStatus, type DistrictStatusEvent } from '../api/election-night.types';

// The dashboard's view of the districts: a symbol per state (never colour alone), counts, progress
// (P12: n of m), filters, live patches from socket events, and what needs the office's attention.

/** Shown with the state's text on every tile and in the legend; the colour only repeats it. */
export const STATE_SYMBOLS: Readonly<Record<DistrictState, string>> = {
  missing: '○',
  entered: '◐',
  'awaiting-code': '☎',
  confirmed: '✓',
  flagged: '!',
  corrected: '✎',
  rejected: '✕',
};

/** Counted in the totals: confirmed by a second person, or corrected by the office. */
export const isCounted = (state: DistrictState): boolean => state === 'confirmed' || state === 'corrected';

export function countByState(districts: readonly Pick<DistrictStatus, 'state'>[]): Record<DistrictState, number> {
  const counts = Object.fromEntries(DISTRICT_STATES.map((state) => [state, 0])) as Record<DistrictState, number>;
  for (const district of districts) counts[district.state] += 1;
  return counts;
}

/** P12: counted of expected, with the share in percent (one decimal, rounded like every share; null without districts). */
export function progressOf(districts: readonly Pick<DistrictStatus, 'state'>[]): {
  counted: number;
  total: number;
  percent: number | null;
} {
  const counted = districts.filter((district) => isCounted(district.state)).length;
  const total = districts.length;
  return { counted, total, percent: roundedPercent(counted, total, 1) };
}

/** An empty filter shows every district. */
export const filterByStates = <T extends Pick<DistrictStatus, 'state'>>(
  districts: readonly T[],
  states: ReadonlySet<DistrictState>,
): T[] => (states.size === 0 ? [...districts] : districts.filter((district) => states.has(district.state)));

/**
 * A socket event carries state and versions only; it moves the tile at once, the fuller row
 * (who entered, warnings) follows with the next snapshot. An older event never overwrites a newer row.
 */
export function applyStatusEvent(districts: readonly DistrictStatus[], event: DistrictStatusEvent): DistrictStatus[] {
  return districts.map((district) => {
    if (district.districtId !== event.districtId) return district;
    if (district.updatedAt && district.updatedAt > event.updatedAt) return district;
    return {
      ...district,
      state: event.state,
      currentVersion: event.currentVersion,
      countedVersion: event.countedVersion,
      updatedAt: event.updatedAt,
    };
  });
}

export type AttentionItem =
  | { readonly kind: 'flagged'; readonly district: DistrictStatus; readonly left: number | null; readonly right: number }
  | { readonly kind: 'rejected'; readonly district: DistrictStatus; readonly reason: string | null }
  | {
      readonly kind: 'warning';
      readonly district: DistrictStatus;
      readonly rule: string;
      readonly message: string;
      readonly comment: string | null;
    };

/** Mismatching double entries first, then rejections, then confirmed warnings – each in district order. */
export function attentionItems(districts: readonly DistrictStatus[]): AttentionItem[] {
  const flagged: AttentionItem[] = districts
    .filter((district) => district.state === 'flagged')
    .map((district) => ({ kind: 'flagged', district, left: district.comparedVersion, right: district.currentVersion }));
  const rejected: AttentionItem[] = districts
    .filter((district) => district.state === 'rejected')
    .map((district) => ({ kind: 'rejected', district, reason: district.rejectionReason }));
  const warnings: AttentionItem[] = districts
    .filter((district) => district.state !== 'rejected' && district.state !== 'missing')
    .flatMap((district) =>
      district.warnings.map((warning) => ({
        kind: 'warning' as const,
        district,
        rule: warning.rule,
        message: warning.message,
        comment: warning.comment,
      })),
    );
  return [...flagged, ...rejected, ...warnings];
}

/** A handful is what one can act on; the rest is counted (and reachable through the filters). */
export function attentionShown(
  districts: readonly DistrictStatus[],
  limit: number,
): { readonly items: AttentionItem[]; readonly total: number; readonly more: number } {
  const all = attentionItems(districts);
  const items = all.slice(0, limit);
  return { items, total: all.length, more: all.length - items.length };
}

/** The detail panel is rebuilt only when this changes, so that an open reason field keeps its cursor. */
export const detailKey = (
  district: Pick<DistrictStatus, 'districtId' | 'state' | 'currentVersion' | 'updatedAt'> | undefined,
  rejectOpen: boolean,
): string => (district ? `${district.districtId}:${district.state}:${district.currentVersion}:${district.updatedAt}:${rejectOpen}` : '');
