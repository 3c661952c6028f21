import { describe, expect, it } from 'vitest';
import { FALLBACK_COLOR } from '../charts/shares-chart';
import { NBSP } from '@wahl/web-kit';
import {
  EMPTY_PROVISIONAL,
  TIE_PROVISIONAL,
  WORKED_EXAMPLE_FINAL,
  WORKED_EXAMPLE_PROVISIONAL,
  results,
} from './__fixtures__/council-result.fixture';
import { FINAL_BADGE, LOT_TITLE, OPEN_SEAT_COLOR, PROVISIONAL_BADGE, buildSeatsPage, joinGerman, seatsText } from './seats-page.view-model';

const pct = (text: string): string => text.replace(/ %/g, `${NBSP}%`);

describe('buildSeatsPage: DOMAIN.md R5.7 worked example (12 seats, A 6.000, B 4.000, C 3.000)', () => {
  const page = buildSeatsPage(results(WORKED_EXAMPLE_PROVISIONAL));
  const contest = page.contests[0]!;

  it('should title the page and link back to the overview', () => {
    expect(page.documentTitle).toBe('Sitzverteilung – Gemeinderatswahl 2024 – Wahlergebnisse');
    expect(page.overviewHref).toBe('/wahl/gr2024');
    expect(page.final).toBe(false);
  });

  it('should mark the result provisional with the API notice', () => {
    expect(contest.badgeText).toBe(PROVISIONAL_BADGE);
    expect(contest.final).toBe(false);
    expect(contest.notice).toBe(
      'Vorläufiges Ergebnis: Die Auszählung ist nicht abgeschlossen; Stimmen, Sitze und Gewählte können sich noch ändern.',
    );
  });

  it('should list seats, votes and shares per list, most seats first: A 5, B 4, C 3', () => {
    expect(contest.rows.map((row) => [row.shortName, row.votesText, row.percentText, row.seatsText])).toEqual([
      ['A', '6.000', pct('46,2 %'), '5'],
      ['B', '4.000', pct('30,8 %'), '4'],
      ['C', '3.000', pct('23,1 %'), '3'],
    ]);
    expect(contest.seatsText).toBe('12 Sitze');
    expect(contest.validVotesText).toBe('13.000');
    expect([contest.ballotsText, contest.ballotsDetail]).toEqual(['1.112', 'Davon 12 ungültig']);
    // C has no valid hex colour: neutral grey.
    expect(contest.rows[2]!.color).toBe(FALLBACK_COLOR);
  });

  it('should draw one dot per seat in the lists’ colours and describe the chart in words', () => {
    expect(contest.arcGroups).toEqual([
      { key: 'a', color: '#f39200', seats: 5 },
      { key: 'b', color: '#000000', seats: 4 },
      { key: 'c', color: FALLBACK_COLOR, seats: 3 },
    ]);
    expect(contest.arc.dots).toHaveLength(12);
    expect(contest.arcLabel).toBe('Sitzverteilung Gemeinderat: A 5 Sitze, B 4 Sitze, C 3 Sitze');
    expect(contest.lot).toBeNull();
    expect(contest.emptyText).toBeNull();
  });

  it('should show each list’s elected candidates by votes and its substitutes in order', () => {
    const [a, b, c] = contest.lists;
    expect([a!.shortName, a!.seatsText, a!.summaryText]).toEqual(['A', '5 Sitze', pct('6.000 Stimmen · 46,2 %')]);
    expect(a!.elected.map((row) => [row.rank, row.name, row.position, row.votesText])).toEqual([
      [1, 'Clara Adler', 3, '1.500'],
      [2, 'Anton Albrecht', 1, '1.400'],
      [3, 'Emil Arndt', 5, '1.000'],
      [4, 'Berta Auer', 2, '900'],
      [5, 'Dora Amann', 4, '700'],
    ]);
    expect(a!.substitutes.map((row) => [row.rank, row.name, row.votesText])).toEqual([
      [1, 'Fritz Abel', '400'],
      [2, 'Greta Alt', '100'],
    ]);
    expect(a!.substitutesTitle).toBe('Ersatzpersonen');
    expect(b!.elected.map((row) => row.name)).toEqual(['Hanna Bauer', 'Ida Berger', 'Kurt Brandt', 'Jonas Beck']);
    expect(c!.elected).toHaveLength(3);
    expect(a!.notes).toEqual([]);
  });
});

describe('buildSeatsPage: final, ties, nothing counted', () => {
  it('should mark a declared result final with the date and time in German time', () => {
    const page = buildSeatsPage(results(WORKED_EXAMPLE_FINAL));
    const contest = page.contests[0]!;
    expect(page.final).toBe(true);
    expect(contest.badgeText).toBe(FINAL_BADGE);
    expect(contest.notice).toBe('Vom Wahlamt festgestellt am 10.06.2024 um 14:03 Uhr.');
  });

  it('should say that a lot is needed between lists and keep those seats open (DOMAIN.md 6.1: A 300, B 100, C 100 for 3 seats)', () => {
    const contest = buildSeatsPage(results(TIE_PROVISIONAL)).contests[0]!;
    expect(contest.lot).toEqual({
      title: LOT_TITLE,
      text: 'Um die letzten 2 Sitze haben A, B und C gleiche Höchstzahlen. Das Los entscheidet (KomWG § 25 Abs. 1); bis dahin sind diese Sitze offen.',
    });
    expect(contest.arcGroups).toEqual([
      { key: 'a', color: '#f39200', seats: 1 },
      { key: 'losentscheid', color: OPEN_SEAT_COLOR, seats: 2, hollow: true },
    ]);
    expect(contest.arc.dots).toHaveLength(3);
    expect(contest.arcLabel).toBe('Sitzverteilung Ortschaftsrat: A 1 Sitz, 2 Sitze offen bis zum Losentscheid');
    // Lists without a seat: their candidates are not called substitutes.
    expect(contest.lists.map((list) => [list.shortName, list.seatsText, list.substitutesTitle])).toEqual([
      ['A', '1 Sitz', 'Ersatzpersonen'],
      ['B', 'Kein Sitz', 'Bewerberinnen und Bewerber'],
      ['C', 'Kein Sitz', 'Bewerberinnen und Bewerber'],
    ]);
  });

  it('should name the lots drawn once the tie is decided', () => {
    const decided = {
      ...TIE_PROVISIONAL,
      ...({ status: 'final', final: true, declaredAt: '2024-06-10T12:03:00.000Z' } as const),
      lotRequired: null,
      lots: ['b', 'c'],
      lists: TIE_PROVISIONAL.lists.map((list) =>
        list.id === 'a' ? list : { ...list, seats: 1, elected: list.substitutes, substitutes: [] },
      ),
    };
    const contest = buildSeatsPage(results(decided)).contests[0]!;
    expect(contest.lot).toBeNull();
    expect(contest.lotsText).toBe('Bei gleichen Höchstzahlen hat das Los entschieden: B und C.');
    expect(contest.rows.map((row) => row.seats)).toEqual([1, 1, 1]);
  });

  it('should report a tie inside a list and seats a list cannot fill', () => {
    const [b, c, a] = WORKED_EXAMPLE_PROVISIONAL.lists;
    const tiedA = {
      ...a!,
      elected: a!.elected.slice(0, 4),
      substitutes: [
        { position: 4, name: 'Dora Amann', votes: 700 },
        { position: 6, name: 'Fritz Abel', votes: 700 },
      ],
      lotRequired: { positions: [4, 6], seatsLeft: 1 },
    };
    const shortC = { ...c!, unfilledSeats: 1 };
    const contest = buildSeatsPage(results({ ...WORKED_EXAMPLE_PROVISIONAL, lists: [b!, shortC, tiedA] })).contests[0]!;
    const byId = new Map(contest.lists.map((list) => [list.listId, list]));
    expect(byId.get('a')!.notes).toEqual([
      'Losentscheid erforderlich: Um den letzten Sitz dieser Liste haben Dora Amann und Fritz Abel gleich viele Stimmen (je 700). Bis zum Losentscheid ist dieser Sitz nicht besetzt.',
    ]);
    expect(byId.get('c')!.notes).toEqual(['1 Sitz bleibt unbesetzt: Die Liste hat weniger Bewerberinnen und Bewerber als Sitze.']);
    // C's empty seat is a ring in its colour at the end of its wedge.
    expect(contest.arcGroups.slice(-2)).toEqual([
      { key: 'c', color: FALLBACK_COLOR, seats: 2 },
      { key: 'c-unbesetzt', color: FALLBACK_COLOR, seats: 1, hollow: true },
    ]);
  });

  it('should show all seats open and no lists while nothing is counted', () => {
    const contest = buildSeatsPage(results(EMPTY_PROVISIONAL)).contests[0]!;
    expect(contest.allocated).toBe(false);
    expect(contest.emptyText).toMatch(/^Noch keine Stimmen erfasst/);
    expect(contest.arcGroups).toEqual([{ key: 'offen', color: OPEN_SEAT_COLOR, seats: 12, hollow: true }]);
    expect(contest.arcLabel).toBe('Gemeinderat: 12 Sitze, noch nicht verteilt');
    expect(contest.lists).toEqual([]);
    expect(contest.rows.map((row) => [row.shortName, row.percentText, row.seatsText])).toEqual([
      ['A', '–', '0'],
      ['B', '–', '0'],
      ['C', '–', '0'],
    ]);
    expect(contest.ballotsDetail).toBe('Alle gültig');
  });
});

describe('German wording helpers', () => {
  it('should count seats and join names as in a sentence', () => {
    expect([seatsText(0), seatsText(1), seatsText(12)]).toEqual(['Kein Sitz', '1 Sitz', '12 Sitze']);
    expect([joinGerman([]), joinGerman(['A']), joinGerman(['A', 'B']), joinGerman(['A', 'B', 'C'])]).toEqual([
      '',
      'A',
      'A und B',
      'A, B und C',
    ]);
  });
});
