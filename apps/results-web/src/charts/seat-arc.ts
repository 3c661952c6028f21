// A parliament-style half circle with one dot per seat, drawn as SVG by the seats view. Pure
// geometry: the rows, the dots on them and which group (list) each dot belongs to. The groups take
// the dots from left to right as wedges, in the order given, like seats in a council chamber.

export type SeatGroup = {
  readonly key: string;
  readonly color: string;
  readonly seats: number;
  /** Drawn as a ring: a seat that is there but empty (unfilled, or still open for a drawing of lots). */
  readonly hollow?: boolean;
};

export type SeatDot = { readonly x: number; readonly y: number; readonly group: number };

export type SeatArc = {
  /** SVG viewBox size; the half circle's centre is at (width / 2, ARC_RADIUS + 2). */
  readonly width: number;
  readonly height: number;
  readonly rows: number;
  readonly dotRadius: number;
  /** Radius of the free middle, where the total goes. */
  readonly innerRadius: number;
  readonly dots: readonly SeatDot[];
};

/** Outer radius of the half circle in viewBox units. */
export const ARC_RADIUS = 100;
/** The free middle (for the total, "48 Sitze") as a share of the radius: aimed at, and at least. */
const TARGET_INNER = 0.45;
const MIN_INNER = 0.32;
/** A small council on one row would get dots as large as coins: they keep this spacing at most, with room between. */
const MAX_SPACING = 30;
/** Dot diameter as a share of the distance between rows. */
const DOT_FILL = 0.78;
const PADDING = 2;

export type ArcLayout = {
  readonly rows: number;
  /** Distance between rows, and between neighbouring dots on a row. */
  readonly spacing: number;
  readonly innerRadius: number;
};

/**
 * Rows and spacing for `seats` dots packed evenly: with `rows` rows a distance s apart from the rim
 * inwards, row i holds about π·r_i/s + 1 dots; solving Σ = seats for s gives s = rows·R /
 * ((seats − rows)/π + rows²/2). Of the row counts whose free middle stays above MIN_INNER, the one
 * nearest TARGET_INNER wins. Small councils (up to about 10 seats) get one row with room to spare.
 */
export function arcLayout(seats: number): ArcLayout {
  let best: { rows: number; inner: number } | null = null;
  for (let rows = 1; rows <= 30; rows++) {
    const inner = 1 - (rows * rows) / ((seats - rows) / Math.PI + (rows * rows) / 2);
    if (!(inner >= MIN_INNER)) break;
    if (!best || Math.abs(inner - TARGET_INNER) < Math.abs(best.inner - TARGET_INNER)) best = { rows, inner };
  }
  const rows = best?.rows ?? 1;
  const spacing = Math.min(MAX_SPACING, best ? ((1 - best.inner) * ARC_RADIUS) / rows : Infinity);
  return { rows, spacing, innerRadius: ARC_RADIUS - rows * spacing };
}

/** Radius of row `row` (0 = the rim). */
const rowRadius = (layout: ArcLayout, row: number): number => ARC_RADIUS - layout.spacing * (row + 0.5);

/** How many dots each row holds at the layout's spacing (not rounded). */
export function rowCapacities(layout: ArcLayout): number[] {
  return Array.from({ length: layout.rows }, (_, row) => (Math.PI * rowRadius(layout, row)) / layout.spacing + 1);
}

/** `seats` over the rows in proportion to their capacity (largest remainder). */
export function seatsPerRow(seats: number, capacities: readonly number[]): number[] {
  const total = capacities.reduce((a, b) => a + b, 0);
  const shares = capacities.map((capacity) => (seats * capacity) / total);
  const counts = shares.map(Math.floor);
  const order = shares.map((share, row) => ({ row, rest: share - Math.floor(share) })).sort((a, b) => b.rest - a.rest || a.row - b.row);
  for (let i = 0, left = seats - counts.reduce((a, b) => a + b, 0); left > 0; i++, left--) counts[order[i]!.row]! += 1;
  return counts;
}

const round = (value: number): number => Math.round(value * 100) / 100;

export function seatArc(groups: readonly SeatGroup[]): SeatArc {
  const seats = groups.reduce((sum, group) => sum + Math.max(0, group.seats), 0);
  const layout = arcLayout(Math.max(1, seats));
  const dotRadius = (layout.spacing * DOT_FILL) / 2;
  const width = 2 * (ARC_RADIUS + PADDING);
  const [cx, cy] = [width / 2, ARC_RADIUS + PADDING];
  // The dots at both ends sit on the base line and reach below it by their radius.
  const height = round(cy + dotRadius + PADDING);

  const counts = seatsPerRow(seats, rowCapacities(layout));
  const places: { angle: number; radius: number }[] = [];
  counts.forEach((count, row) => {
    const radius = rowRadius(layout, row);
    for (let i = 0; i < count; i++) places.push({ angle: count === 1 ? Math.PI / 2 : Math.PI - (i * Math.PI) / (count - 1), radius });
  });
  // Left to right; at equal angles (the ends of the rows) the inner row first.
  places.sort((a, b) => b.angle - a.angle || a.radius - b.radius);

  const owner: number[] = groups.flatMap((group, index) => Array<number>(Math.max(0, group.seats)).fill(index));
  const dots = places.map((place, i) => ({
    x: round(cx + place.radius * Math.cos(place.angle)),
    y: round(cy - place.radius * Math.sin(place.angle)),
    group: owner[i]!,
  }));
  return { width, height, rows: layout.rows, dotRadius: round(dotRadius), innerRadius: round(layout.innerRadius), dots };
}
