import type { PublicArea, PublicElectionSnapshot } from '@wahl/domain';
import { startArea } from './area-page.view-model';

// The town hall's screen shows one area after another. The whole first (where the overview starts),
// then every aggregate area below it (Stadtteile, Gemeinden …) in tree order; where the tree has no level between the whole and its
// districts, the districts that have reported – a screen cycling through hundreds of empty
// districts tells nobody anything.

const isDistrict = (area: PublicArea): boolean => area.level === 'district' || area.level === 'postal-district';

export function kioskAreas(snapshot: PublicElectionSnapshot): readonly string[] {
  const root = startArea(snapshot);
  if (!root) return [];
  const children = new Map<string, PublicArea[]>();
  for (const area of snapshot.areas) {
    if (area.parentId === null) continue;
    const siblings = children.get(area.parentId) ?? [];
    siblings.push(area);
    children.set(area.parentId, siblings);
  }
  const order = (areas: readonly PublicArea[]): PublicArea[] =>
    [...areas].sort((a, b) => a.number.localeCompare(b.number, 'de', { numeric: true }));
  const aggregates: string[] = [];
  const walk = (area: PublicArea): void => {
    aggregates.push(area.id);
    for (const child of order(children.get(area.id) ?? [])) if (!isDistrict(child)) walk(child);
  };
  walk(root);
  if (aggregates.length > 1) return aggregates;
  const reported = new Set(
    snapshot.results.filter((result) => result.reported > 0 && result.publication.kind !== 'withheld').map((result) => result.areaId),
  );
  return [
    root.id,
    ...order(children.get(root.id) ?? [])
      .filter((area) => isDistrict(area) && reported.has(area.id))
      .map((area) => area.id),
  ];
}

/** The area after `current`; from the start when `current` dropped out of the cycle. */
export function nextKioskArea(cycle: readonly string[], current: string | null): string | null {
  if (cycle.length === 0) return null;
  const index = current === null ? -1 : cycle.indexOf(current);
  return cycle[(index + 1) % cycle.length]!;
}

export function previousKioskArea(cycle: readonly string[], current: string | null): string | null {
  if (cycle.length === 0) return null;
  const index = current === null ? 0 : Math.max(0, cycle.indexOf(current));
  return cycle[(index - 1 + cycle.length) % cycle.length]!;
}
