import { SEAT_ALLOCATION_METHODS } from '@wahl/domain';
import { z } from 'zod';

// Bounds keep one request of this public calculator cheap (the work grows with seats × lists).
export const MAX_SEATS = 1000;
export const MAX_LISTS = 200;
const MAX_LANDS = 32;
const MAX_WAHLKREISE = 1000;

const count = z
  .number({ error: 'Eine ganze Zahl größer oder gleich 0 wird erwartet.' })
  .int('Eine ganze Zahl wird erwartet.')
  .min(0, 'Die Zahl darf nicht negativ sein.')
  .max(Number.MAX_SAFE_INTEGER, 'Die Zahl ist zu groß.');

// "__proto__" would silently vanish from a parsed record, taking a list's votes with it.
const name = z
  .string({ error: 'Ein Name wird erwartet.' })
  .min(1, 'Der Name fehlt.')
  .max(100, 'Der Name ist zu lang.')
  .refine((value) => value !== '__proto__', 'Dieser Name ist nicht zulässig.');

const votesPerList = z
  .record(name, count)
  .refine((votes) => Object.keys(votes).length <= MAX_LISTS, `Höchstens ${MAX_LISTS} Listen sind möglich.`);

const SimpleSeatAllocationRequestSchema = z
  .object({
    method: z.enum(SEAT_ALLOCATION_METHODS),
    seats: count.max(MAX_SEATS, `Höchstens ${MAX_SEATS} Sitze sind möglich.`),
    votes: votesPerList,
    /** Decimal share, e.g. 0.05 for 5 %; read exactly from its decimal form. */
    threshold: z
      .number({ error: 'Die Sperrklausel ist ein Anteil wie 0.05.' })
      .min(0, 'Die Sperrklausel darf nicht negativ sein.')
      .max(1, 'Die Sperrklausel darf höchstens 1 sein.')
      .optional(),
    /** A recorded drawing of lots: the winners in draw order. */
    lots: z.array(name).max(MAX_LISTS).optional(),
  })
  .strict();

const BundestagSeatAllocationRequestSchema = z
  .object({
    method: z.literal('bundestag-2025'),
    zweitstimmen: z
      .record(name, votesPerList)
      .refine((lands) => Object.keys(lands).length >= 1, 'Mindestens ein Land wird erwartet.')
      .refine((lands) => Object.keys(lands).length <= MAX_LANDS, `Höchstens ${MAX_LANDS} Länder sind möglich.`),
    wahlkreise: z
      .array(
        z
          .object({
            wahlkreis: z.string().min(1, 'Die Wahlkreisnummer fehlt.').max(20),
            land: name,
            party: name.nullable(),
            votes: count,
            validVotes: count,
          })
          .strict(),
      )
      .max(MAX_WAHLKREISE, `Höchstens ${MAX_WAHLKREISE} Wahlkreise sind möglich.`),
    minorityParties: z.array(name).max(MAX_LISTS).optional(),
    seats: count.min(1, 'Mindestens ein Sitz wird erwartet.').max(MAX_SEATS, `Höchstens ${MAX_SEATS} Sitze sind möglich.`).optional(),
  })
  .strict();

/** POST /api/seat-allocation: a divisor/quota method over votes per list, or the Bundestag 2025 allocation. */
export const SeatAllocationRequestSchema = z.discriminatedUnion('method', [
  SimpleSeatAllocationRequestSchema,
  BundestagSeatAllocationRequestSchema,
]);
export type SeatAllocationRequest = z.infer<typeof SeatAllocationRequestSchema>;
export type SimpleSeatAllocationRequest = z.infer<typeof SimpleSeatAllocationRequestSchema>;
export type BundestagSeatAllocationRequest = z.infer<typeof BundestagSeatAllocationRequestSchema>;

const seatsPerName = z.record(z.string(), z.number().int());
const tiedLists = z.array(z.string()).readonly();

/** The answer of a divisor/quota method (libs/domain `SeatAllocation`). */
export const SimpleSeatAllocationResultSchema = z
  .object({
    /** Seats per list, every input list present (0 included). With a lot required: only the certain seats. */
    seats: seatsPerName.readonly(),
    lotRequired: z.object({ lists: tiedLists, seatsLeft: z.number().int() }).readonly().nullable(),
  })
  .readonly();
export type SimpleSeatAllocationResult = z.infer<typeof SimpleSeatAllocationResultSchema>;

/** The answer of the Bundestag 2025 allocation (libs/domain `Bundestag2025Allocation`). */
export const BundestagSeatAllocationResultSchema = z
  .object({
    seats: seatsPerName.readonly(),
    seatsByLand: z.record(z.string(), seatsPerName.readonly()).readonly(),
    unseatedWahlkreise: z.array(z.string()).readonly(),
    independentWahlkreise: z.array(z.string()).readonly(),
    lotRequired: z
      .array(
        z.discriminatedUnion('stage', [
          z.object({ stage: z.literal('oberverteilung'), lists: tiedLists, seatsLeft: z.number().int() }).readonly(),
          z.object({ stage: z.literal('unterverteilung'), party: z.string(), lists: tiedLists, seatsLeft: z.number().int() }).readonly(),
          z
            .object({
              stage: z.literal('zweitstimmendeckung'),
              land: z.string(),
              party: z.string(),
              lists: tiedLists,
              seatsLeft: z.number().int(),
            })
            .readonly(),
        ]),
      )
      .readonly()
      .nullable(),
  })
  .readonly();
export type BundestagSeatAllocationResult = z.infer<typeof BundestagSeatAllocationResultSchema>;

export const SeatAllocationResultSchema = z.union([SimpleSeatAllocationResultSchema, BundestagSeatAllocationResultSchema]);
export type SeatAllocationResult = z.infer<typeof SeatAllocationResultSchema>;
