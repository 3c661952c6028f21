import type { PublicCouncilContestResult, PublicCouncilList, PublicCouncilResults } from '../api/council-result.types';
import { FALLBACK_COLOR } from '../charts/shares-chart';
import { seatArc, type SeatArc, type SeatGroup } from '../charts/seat-arc';
import { formatClockTime, formatCount, formatDayDate, formatShare } from '@wahl/web-kit';
import { areaHref } from '../router/routes';

// Pure: the public council result (seats of a Gemeinderat, issue 7) → what the seats page shows.
// No seat arithmetic here: seats, elected candidates, substitutes and ties come from the API, which
// allocates them in libs/domain (R5.7, R5.8); this only orders, words and formats them.

export type SeatRow = {
  readonly listId: string;
  readonly shortName: string;
  readonly name: string;
  readonly color: string;
  readonly votesText: string;
  readonly percentText: string;
  readonly seats: number;
  readonly seatsText: string;
};

export type CandidateRow = {
  readonly rank: number;
  readonly name: string;
  /** Place on the ballot paper. */
  readonly position: number;
  readonly votesText: string;
};

export type ListCard = {
  readonly listId: string;
  readonly shortName: string;
  readonly name: string;
  readonly color: string;
  /** "5 Sitze", "1 Sitz", "Kein Sitz". */
  readonly seatsText: string;
  /** "6.000 Stimmen · 46,2 %". */
  readonly summaryText: string;
  readonly elected: readonly CandidateRow[];
  readonly substitutes: readonly CandidateRow[];
  /** "Ersatzpersonen" for a list with seats; its candidates otherwise (they replace no one). */
  readonly substitutesTitle: string;
  /** Unfilled seats and ties inside the list, in words. */
  readonly notes: readonly string[];
};

export type ContestSeats = {
  readonly id: string;
  readonly name: string;
  readonly final: boolean;
  /** "Vorläufiges Ergebnis" / "Endgültiges Ergebnis". */
  readonly badgeText: string;
  /** The API's notice while provisional; once final, when the office declared it. */
  readonly notice: string;
  readonly seats: number;
  readonly seatsText: string;
  readonly methodText: string;
  readonly allocated: boolean;
  /** Shown instead of seats while no vote has been entered. */
  readonly emptyText: string | null;
  /** R5.7: equal quotients at the last seat(s) between lists. */
  readonly lot: { readonly title: string; readonly text: string } | null;
  /** The drawing of lots recorded with the final result. */
  readonly lotsText: string | null;
  readonly arc: SeatArc;
  readonly arcGroups: readonly SeatGroup[];
  /** Text alternative of the seat chart. */
  readonly arcLabel: string;
  /** Most seats first, then most votes, then ballot order. */
  readonly rows: readonly SeatRow[];
  readonly validVotesText: string;
  readonly ballotsText: string;
  readonly ballotsDetail: string;
  readonly lists: readonly ListCard[];
};

export type SeatsPage = {
  readonly electionId: string;
  readonly electionName: string;
  readonly documentTitle: string;
  readonly overviewHref: string;
  readonly final: boolean;
  readonly contests: readonly ContestSeats[];
};

export const PROVISIONAL_BADGE = 'Vorläufiges Ergebnis';
export const FINAL_BADGE = 'Endgültiges Ergebnis';
export const LOT_TITLE = 'Losentscheid erforderlich';
/** Seats waiting for the drawing of lots, and seats of a contest without votes yet. */
export const OPEN_SEAT_COLOR = '#8a94a3';

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const colorOf = (list: PublicCouncilList): string => (HEX_COLOR.test(list.color) ? list.color : FALLBACK_COLOR);

/** "1 Sitz", "5 Sitze"; "Kein Sitz" where none. */
export function seatsText(seats: number, none = 'Kein Sitz'): string {
  if (seats === 0) return none;
  return seats === 1 ? '1 Sitz' : `${formatCount(seats)} Sitze`;
}

/** "A", "A und B", "A, B und C". */
export function joinGerman(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

const lastSeats = (seatsLeft: number): string => (seatsLeft === 1 ? 'den letzten Sitz' : `die letzten ${formatCount(seatsLeft)} Sitze`);

function candidateRows(candidates: PublicCouncilList['elected']): CandidateRow[] {
  return candidates.map((candidate, index) => ({
    rank: index + 1,
    name: candidate.name,
    position: candidate.position,
    votesText: formatCount(candidate.votes),
  }));
}

function listNotes(list: PublicCouncilList): string[] {
  const notes: string[] = [];
  if (list.unfilledSeats > 0) {
    notes.push(
      `${list.unfilledSeats === 1 ? '1 Sitz bleibt' : `${formatCount(list.unfilledSeats)} Sitze bleiben`} unbesetzt: Die Liste hat weniger Bewerberinnen und Bewerber als Sitze.`,
    );
  }
  if (list.lotRequired) {
    // R5.8: equal votes at the list's last seat under the office's tie policy `lot`.
    const everyone = [...list.elected, ...list.substitutes];
    const names = list.lotRequired.positions.map(
      (position) => everyone.find((c) => c.position === position)?.name ?? `Listenplatz ${position}`,
    );
    const votes = everyone.find((c) => c.position === list.lotRequired!.positions[0])?.votes;
    notes.push(
      `${LOT_TITLE}: Um ${lastSeats(list.lotRequired.seatsLeft)} dieser Liste haben ${joinGerman(names)} gleich viele Stimmen${votes === undefined ? '' : ` (je ${formatCount(votes)})`}. Bis zum Losentscheid ${list.lotRequired.seatsLeft === 1 ? 'ist dieser Sitz' : 'sind diese Sitze'} nicht besetzt.`,
    );
  }
  return notes;
}

const byStrength = (a: PublicCouncilList, b: PublicCouncilList): number =>
  b.seats - a.seats || b.votes - a.votes || a.ballotPosition - b.ballotPosition;

function contestSeats(result: PublicCouncilContestResult): ContestSeats {
  const lists = [...result.lists].sort(byStrength);
  const shortName = new Map(result.lists.map((list) => [list.id, list.shortName]));
  const allocated = result.seatsAllocated;
  const open = result.lotRequired?.seatsLeft ?? 0;

  const arcGroups: SeatGroup[] = [];
  if (!allocated) arcGroups.push({ key: 'offen', color: OPEN_SEAT_COLOR, seats: result.contest.seats, hollow: true });
  else {
    for (const list of lists) {
      const filled = list.seats - list.unfilledSeats;
      if (filled > 0) arcGroups.push({ key: list.id, color: colorOf(list), seats: filled });
      if (list.unfilledSeats > 0)
        arcGroups.push({ key: `${list.id}-unbesetzt`, color: colorOf(list), seats: list.unfilledSeats, hollow: true });
    }
    if (open > 0) arcGroups.push({ key: 'losentscheid', color: OPEN_SEAT_COLOR, seats: open, hollow: true });
  }

  const seated = lists.filter((list) => list.seats > 0);
  const arcLabel = allocated
    ? `Sitzverteilung ${result.contest.name}: ${[
        ...seated.map((list) => `${list.shortName} ${seatsText(list.seats)}`),
        ...(open > 0 ? [`${seatsText(open)} offen bis zum Losentscheid`] : []),
      ].join(', ')}`
    : `${result.contest.name}: ${seatsText(result.contest.seats)}, noch nicht verteilt`;

  const lot = result.lotRequired
    ? {
        title: LOT_TITLE,
        text: `Um ${lastSeats(result.lotRequired.seatsLeft)} haben ${joinGerman(result.lotRequired.lists.map((id) => shortName.get(id) ?? id))} gleiche Höchstzahlen. Das Los entscheidet (KomWG § 25 Abs. 1); bis dahin ${result.lotRequired.seatsLeft === 1 ? 'ist dieser Sitz' : 'sind diese Sitze'} offen.`,
      }
    : null;
  const lotsText =
    result.lots && result.lots.length > 0
      ? `Bei gleichen Höchstzahlen hat das Los entschieden: ${joinGerman(result.lots.map((id) => shortName.get(id) ?? id))}.`
      : null;

  const invalid = result.ballots.invalid;
  return {
    id: result.contest.id,
    name: result.contest.name,
    final: result.final,
    badgeText: result.final ? FINAL_BADGE : PROVISIONAL_BADGE,
    notice:
      result.final && result.declaredAt
        ? `Vom Wahlamt festgestellt am ${formatDayDate(result.declaredAt)} um ${formatClockTime(result.declaredAt)} Uhr.`
        : result.notice,
    seats: result.contest.seats,
    seatsText: seatsText(result.contest.seats),
    // R5.7: KomWG § 25(1), highest averages with the odd divisors 1, 3, 5 …, no threshold.
    methodText: 'Sitzverteilung nach Sainte-Laguë/Schepers (KomWG § 25 Abs. 1), Sitze in der Liste nach Stimmen (§ 26).',
    allocated,
    emptyText: allocated
      ? null
      : 'Noch keine Stimmen erfasst. Die Sitzverteilung erscheint hier, sobald die ersten Stimmzettel ausgezählt sind.',
    lot,
    lotsText,
    arc: seatArc(arcGroups),
    arcGroups,
    arcLabel,
    rows: lists.map((list) => ({
      listId: list.id,
      shortName: list.shortName,
      name: list.name,
      color: colorOf(list),
      votesText: formatCount(list.votes),
      percentText: formatShare(list.votes, result.votes.valid),
      seats: list.seats,
      seatsText: formatCount(list.seats),
    })),
    validVotesText: formatCount(result.votes.valid),
    ballotsText: formatCount(result.ballots.total),
    ballotsDetail: invalid === 0 ? 'Alle gültig' : `Davon ${formatCount(invalid)} ungültig`,
    lists: allocated
      ? lists.map((list) => ({
          listId: list.id,
          shortName: list.shortName,
          name: list.name,
          color: colorOf(list),
          seatsText: seatsText(list.seats),
          summaryText: `${formatCount(list.votes)} ${list.votes === 1 ? 'Stimme' : 'Stimmen'} · ${formatShare(list.votes, result.votes.valid)}`,
          elected: candidateRows(list.elected),
          substitutes: candidateRows(list.substitutes),
          substitutesTitle: list.seats > 0 ? 'Ersatzpersonen' : 'Bewerberinnen und Bewerber',
          notes: listNotes(list),
        }))
      : [],
  };
}

export function buildSeatsPage(result: PublicCouncilResults): SeatsPage {
  const contests = result.contests.map(contestSeats);
  return {
    electionId: result.electionId,
    electionName: result.electionName,
    documentTitle: `Sitzverteilung – ${result.electionName} – Wahlergebnisse`,
    overviewHref: areaHref(result.electionId, null),
    final: contests.length > 0 && contests.every((contest) => contest.final),
    contests,
  };
}
