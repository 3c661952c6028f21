import { z } from 'zod';

// One batch is one stack of ballots a counting team has in front of it; the bounds keep a single
// request (and a single transaction) small enough that parallel teams never wait on each other long.
export const MAX_CHANGED_BALLOTS_PER_BATCH = 2000;
const MAX_BALLOTS_PER_BATCH = 100_000;
const MAX_MARKS_PER_BALLOT = 200;

const count = (what: string) =>
  z
    .number({ error: `${what}: eine ganze Zahl größer oder gleich 0 wird erwartet.` })
    .int(`${what}: eine ganze Zahl wird erwartet.`)
    .min(0, `${what}: die Zahl darf nicht negativ sein.`)
    .max(MAX_BALLOTS_PER_BATCH, `${what}: höchstens ${MAX_BALLOTS_PER_BATCH} Stimmzettel je Stapel.`);

// The election document's list id; "__proto__" would vanish from a parsed record.
const listKey = z
  .string({ error: 'Die Kennung des Wahlvorschlags wird erwartet.' })
  .min(1, 'Die Kennung des Wahlvorschlags fehlt.')
  .max(100, 'Die Kennung des Wahlvorschlags ist zu lang.')
  .refine((value) => value !== '__proto__', 'Diese Kennung ist nicht zulässig.');

/** Votes for one candidate, named by list and list place as printed on the ballot paper. */
const markSchema = z
  .object({
    list: listKey,
    position: z
      .number({ error: 'Der Listenplatz wird erwartet.' })
      .int('Der Listenplatz ist eine ganze Zahl.')
      .min(1, 'Der Listenplatz beginnt bei 1.')
      .max(1000),
    // As marked on the paper: more than 3 is entered as it stands and judged by the counting rules.
    votes: z
      .number({ error: 'Die Stimmenzahl wird erwartet.' })
      .int('Die Stimmenzahl ist eine ganze Zahl.')
      .min(1, 'Die Stimmenzahl muss mindestens 1 sein.')
      .max(1000),
  })
  .strict();

const changedBallotSchema = z
  .object({
    /** The list whose ballot paper was used; null for the blank paper without a list. */
    paper: listKey.nullable(),
    marks: z.array(markSchema).max(MAX_MARKS_PER_BALLOT, `Höchstens ${MAX_MARKS_PER_BALLOT} Einträge je Stimmzettel.`),
  })
  .strict();

export const councilBatchSchema = z
  .object({
    team: z
      .string({ error: 'Der Name der Zählgruppe wird erwartet.' })
      .trim()
      .min(1, 'Der Name der Zählgruppe fehlt.')
      .max(100, 'Der Name der Zählgruppe ist zu lang.'),
    /** Ballots in the stack as the team counted them by hand; checked against what was entered. */
    declaredBallots: count('Gezählte Stimmzettel'),
    /** Unchanged list ballots per list key. */
    unchanged: z.record(listKey, count('Unveränderte Stimmzettel')).default({}),
    changed: z
      .array(changedBallotSchema)
      .max(
        MAX_CHANGED_BALLOTS_PER_BATCH,
        `Höchstens ${MAX_CHANGED_BALLOTS_PER_BATCH} veränderte Stimmzettel je Stapel; bitte den Stapel teilen.`,
      )
      .default([]),
    /** Ballots the team rejected on their face (no mark, identifying mark, …). */
    rejected: count('Zurückgewiesene Stimmzettel').default(0),
  })
  .strict();

export type CouncilBatchRequest = z.infer<typeof councilBatchSchema>;

export const declareFinalSchema = z
  .object({
    /** Recorded drawing of lots between lists (list keys, winners first), when the result needs one. */
    lots: z.array(listKey).max(200).optional(),
  })
  .strict();

export type DeclareFinalRequest = z.infer<typeof declareFinalSchema>;

/** RFC-style idempotency key of a batch: any client-chosen token, e.g. a UUID. */
export const idempotencyKeySchema = z
  .string({ error: 'Der Kopf „Idempotency-Key“ fehlt.' })
  .min(8, 'Der Kopf „Idempotency-Key“ muss mindestens 8 Zeichen lang sein.')
  .max(200, 'Der Kopf „Idempotency-Key“ ist zu lang.')
  .regex(/^[\x21-\x7e]+$/, 'Der Kopf „Idempotency-Key“ darf nur sichtbare ASCII-Zeichen enthalten.');
