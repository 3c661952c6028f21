import { AVAILABILITIES, BOARD_ROLES, POLL_WORKER_SOURCES, REFUSAL_GROUNDS } from '@wahl/domain';
import { z } from 'zod';
import { UuidSchema } from '../common/ids';
import { noNulString } from '../common/text';
import { EMAIL, ISO_DATE, MAX_NOTE_CHARS, missingText, PERSON_MESSAGES, PERSON_TEXTS, PHONE, POSTAL_CODE, tooLong } from './person-check';

// What the office and volunteers send about poll workers (issue #14, DOMAIN.md 7.6). Fields follow
// BWahlG § 9(4) (R7.18): name, birth date, address, phone; e-mail with the person's consent.

const text = ({ words, max }: { words: string; max: number }) => noNulString().trim().min(1, missingText(words)).max(max, tooLong(max));
const note = () => noNulString().trim().max(MAX_NOTE_CHARS, PERSON_MESSAGES.note).default('');

export const PollWorkerPersonSchema = z.strictObject({
  familyName: text(PERSON_TEXTS.familyName),
  givenNames: text(PERSON_TEXTS.givenNames),
  birthDate: z.string().regex(ISO_DATE, PERSON_MESSAGES.birthDate),
  street: text(PERSON_TEXTS.street),
  postalCode: z.string().trim().regex(POSTAL_CODE, PERSON_MESSAGES.postalCode),
  city: text(PERSON_TEXTS.city),
  email: z.email({ pattern: EMAIL, error: PERSON_MESSAGES.email }).max(200).nullable().default(null),
  phone: z.string().trim().regex(PHONE, PERSON_MESSAGES.phone).nullable().default(null),
  /** Agreed to be asked again at the next election (BWahlG § 9(4) S. 2). */
  keepForNextElection: z.boolean().default(false),
});
export type PollWorkerPerson = z.infer<typeof PollWorkerPersonSchema>;

/** The person's wishes and availability for one election. */
export const PoolWishesSchema = z.strictObject({
  availability: z.enum(AVAILABILITIES, 'Unbekannte Verfügbarkeit.').default('all-day'),
  wishDistrictId: UuidSchema.nullable().default(null),
  wishColleagueId: UuidSchema.nullable().default(null),
  wishFunction: z.enum(BOARD_ROLES, 'Unbekannte Funktion im Wahlvorstand.').nullable().default(null),
});
export type PoolWishes = z.infer<typeof PoolWishesSchema>;

/** Entry by the office: the person and, for this election, wishes and a declared eligibility (lives elsewhere). */
export const PollWorkerEntrySchema = z.strictObject({
  person: PollWorkerPersonSchema,
  wishes: PoolWishesSchema.default({ availability: 'all-day', wishDistrictId: null, wishColleagueId: null, wishFunction: null }),
  /** Lives outside the municipality and declared to be an eligible voter (R7.3: checked by declaration). */
  declaredEligible: z.boolean().default(false),
  /** Served as Wahlvorsteher before (experience for the proposal). */
  chairExperience: z.boolean().default(false),
  note: note(),
});
export type PollWorkerEntry = z.infer<typeof PollWorkerEntrySchema>;

export const POLL_WORKER_LIST_FILTERS = ['all', 'unassigned', 'assigned', 'unconfirmed', 'ineligible'] as const;

/** GET …/poll-workers?search=&filter=&source= */
export const PollWorkerListQuerySchema = z.strictObject({
  search: noNulString().trim().max(100).default(''),
  filter: z.enum(POLL_WORKER_LIST_FILTERS).default('all'),
  source: z.enum(POLL_WORKER_SOURCES).optional(),
});
export type PollWorkerListQuery = z.infer<typeof PollWorkerListQuerySchema>;

/** Largest staff list accepted (characters); refused before parsing. */
export const MAX_POLL_WORKER_CSV_CHARS = 2_000_000;

/** A staff list (CSV, `;`-separated, header line): first previewed, then stored with the same text. */
export const PollWorkerImportSchema = z.strictObject({
  fileName: noNulString().max(300).optional(),
  csv: noNulString().max(MAX_POLL_WORKER_CSV_CHARS, 'Die Datei ist zu groß (höchstens 2 MB).'),
});
export type PollWorkerImport = z.infer<typeof PollWorkerImportSchema>;

/** The seats per function of each district's board, set by the office (R7.1). */
export const BoardNeedsSchema = z.strictObject({
  needs: z
    .array(
      z.strictObject({
        districtId: UuidSchema,
        function: z.enum(BOARD_ROLES, 'Unbekannte Funktion im Wahlvorstand.'),
        seats: z.number().int('Muss eine ganze Zahl sein.').min(0, 'Darf nicht negativ sein.').max(20, 'Höchstens 20.'),
      }),
    )
    .max(20_000),
});
export type BoardNeeds = z.infer<typeof BoardNeedsSchema>;

/** The same numbers for every district of a kind (e.g. 1 chair, 1 deputy, 1 secretary, 4 assessors). */
export const DefaultNeedsSchema = z.strictObject({
  districtKind: z.enum(['polling', 'postal']),
  seats: z.partialRecord(z.enum(BOARD_ROLES), z.number().int().min(0).max(20)),
});
export type DefaultNeeds = z.infer<typeof DefaultNeedsSchema>;

/** Put a person on a seat (by list or by drag) or on the reserve list (`districtId` null). */
export const AssignSchema = z.strictObject({
  personId: UuidSchema,
  districtId: UuidSchema.nullable(),
  function: z.enum(BOARD_ROLES, 'Unbekannte Funktion im Wahlvorstand.'),
});
export type Assign = z.infer<typeof AssignSchema>;

/** Move an existing assignment to another seat (drag). */
export const MoveAssignmentSchema = z.strictObject({
  districtId: UuidSchema.nullable(),
  function: z.enum(BOARD_ROLES, 'Unbekannte Funktion im Wahlvorstand.'),
});
export type MoveAssignment = z.infer<typeof MoveAssignmentSchema>;

/** Record a step: appointed (letter sent), confirmed, refused with its ground (BWO § 9). */
export const AssignmentStateChangeSchema = z.strictObject({
  state: z.enum(['appointed', 'confirmed', 'refused']),
  refusalGround: z.enum(REFUSAL_GROUNDS, 'Unbekannter Ablehnungsgrund.').nullable().default(null),
  note: noNulString().trim().max(1000).default(''),
});
export type AssignmentStateChange = z.infer<typeof AssignmentStateChangeSchema>;

/** A substitute on short notice takes over the seat (R7.6); the old assignment becomes `replaced`. */
export const SubstituteSchema = z.strictObject({
  personId: UuidSchema,
  note: noNulString().trim().max(1000).default(''),
});
export type Substitute = z.infer<typeof SubstituteSchema>;

/** Merge a duplicate into the person kept (by hand, after the office compared them). */
export const MergePollWorkersSchema = z.strictObject({
  keepId: UuidSchema,
  mergeId: UuidSchema,
});
export type MergePollWorkers = z.infer<typeof MergePollWorkersSchema>;

/**
 * The public sign-up (minimal data, purpose and consent stated). Phone and e-mail are for contact
 * about the appointment only; `consent` must be given, keeping for later elections is optional.
 */
export const PollWorkerSignUpSchema = z.strictObject({
  person: PollWorkerPersonSchema.extend({
    email: z.email({ pattern: EMAIL, error: PERSON_MESSAGES.email }).max(200),
  }),
  availability: z.enum(AVAILABILITIES, 'Unbekannte Verfügbarkeit.').default('all-day'),
  chairExperience: z.boolean().default(false),
  /** Wish to serve with a colleague: their name as written (the office links them). */
  colleagueName: noNulString().trim().max(200).default(''),
  consent: z.literal(true, 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben für die Berufung in den Wahlvorstand zu.'),
});
export type PollWorkerSignUp = z.infer<typeof PollWorkerSignUpSchema>;
