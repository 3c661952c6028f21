import { err, ok } from '../result';
import type { ListId, LotRequired, SeatAllocationError, SeatAllocationInput, SeatAllocationResult } from './seat-allocation.types';

/** A list that takes part in the allocation (at or above the threshold), votes as bigint for exact products. */
export type CompetingList = { readonly id: ListId; readonly votes: bigint };

/** What a method computes: the certain seats and, if the last seats are tied, the tie. */
export type CoreAllocation = { readonly seats: ReadonlyMap<ListId, number>; readonly tie: LotRequired | null };

export type AllocationCore = (lists: readonly CompetingList[], seats: number) => CoreAllocation;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function validate(input: SeatAllocationInput): SeatAllocationError[] {
  const errors: SeatAllocationError[] = [];
  if (!isCount(input.seats)) {
    errors.push({ code: 'INVALID_SEATS', path: '$.seats', message: 'Die Zahl der Sitze muss eine ganze Zahl größer oder gleich 0 sein.' });
  }
  if (typeof input.votes !== 'object' || input.votes === null || Array.isArray(input.votes)) {
    errors.push({ code: 'INVALID_VOTES', path: '$.votes', message: 'Die Stimmen müssen je Liste angegeben werden.' });
  } else {
    for (const [id, votes] of Object.entries(input.votes)) {
      if (!isCount(votes)) {
        errors.push({
          code: 'INVALID_VOTES',
          path: `$.votes.${id}`,
          message: 'Stimmenzahlen müssen ganze Zahlen größer oder gleich 0 sein.',
        });
      }
    }
  }
  const threshold = input.threshold;
  if (
    threshold !== undefined &&
    (typeof threshold.numerator !== 'bigint' ||
      typeof threshold.denominator !== 'bigint' ||
      threshold.denominator <= 0n ||
      threshold.numerator < 0n ||
      threshold.numerator > threshold.denominator)
  ) {
    errors.push({ code: 'INVALID_THRESHOLD', path: '$.threshold', message: 'Die Sperrklausel muss ein Anteil zwischen 0 und 1 sein.' });
  }
  if (input.lots !== undefined && (!Array.isArray(input.lots) || input.lots.some((id) => typeof id !== 'string'))) {
    errors.push({ code: 'INVALID_LOTS', path: '$.lots', message: 'Der Losentscheid muss eine Liste von Listen-Kennungen sein.' });
  }
  return errors;
}

function lotErrors(lots: readonly ListId[], tie: LotRequired | null): SeatAllocationError[] {
  if (!tie) return [{ code: 'INVALID_LOTS', path: '$.lots', message: 'Für diese Verteilung ist kein Losentscheid erforderlich.' }];
  const errors: SeatAllocationError[] = [];
  const seen = new Set<ListId>();
  lots.forEach((id, index) => {
    if (!tie.lists.includes(id)) {
      errors.push({
        code: 'INVALID_LOTS',
        path: `$.lots[${index}]`,
        message: `„${id}“ ist nicht am Gleichstand um die letzten Sitze beteiligt.`,
      });
    } else if (seen.has(id)) {
      errors.push({ code: 'INVALID_LOTS', path: `$.lots[${index}]`, message: `„${id}“ ist im Losentscheid mehrfach genannt.` });
    }
    seen.add(id);
  });
  if (lots.length < tie.seatsLeft) {
    errors.push({
      code: 'INVALID_LOTS',
      path: '$.lots',
      message: `Der Losentscheid muss ${tie.seatsLeft} Gewinner nennen, er nennt ${lots.length}.`,
    });
  }
  return errors;
}

/**
 * The frame every method shares: validate, apply the threshold, run the method, then either
 * report the tie (never decided silently) or complete it with a recorded drawing of lots.
 */
export function runAllocation(input: SeatAllocationInput, core: AllocationCore): SeatAllocationResult {
  const inputErrors = validate(input);
  if (inputErrors.length) return err(inputErrors);

  const lists = Object.entries(input.votes).map(([id, votes]) => ({ id, votes: BigInt(votes) }));
  const total = lists.reduce((sum, list) => sum + list.votes, 0n);
  const threshold = input.threshold;
  // Threshold on the total valid votes of all lists; exactly at the threshold qualifies (votes·d ≥ n·total).
  const competing = threshold ? lists.filter((list) => list.votes * threshold.denominator >= threshold.numerator * total) : lists;
  if (input.seats > 0 && !competing.some((list) => list.votes > 0n)) {
    return err([
      {
        code: 'NO_VOTES',
        path: '$.votes',
        message: 'Ohne gültige Stimmen für eine teilnehmende Liste können keine Sitze verteilt werden.',
      },
    ]);
  }

  const computed = core(competing, input.seats);
  const seats = new Map(lists.map((list) => [list.id, computed.seats.get(list.id) ?? 0]));
  const tie = computed.tie ? { lists: [...computed.tie.lists].sort(compareIds), seatsLeft: computed.tie.seatsLeft } : null;

  if (input.lots === undefined) return ok({ seats: Object.fromEntries(seats), lotRequired: tie });
  const errors = lotErrors(input.lots, tie);
  if (errors.length || !tie) return err(errors);
  for (const winner of input.lots.slice(0, tie.seatsLeft)) seats.set(winner, (seats.get(winner) ?? 0) + 1);
  return ok({ seats: Object.fromEntries(seats), lotRequired: null });
}

/** Code-unit order: the same on every machine and locale, so results are byte-for-byte reproducible. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
