import { BOARD_PHASES, BOARD_ROLES } from '@wahl/domain';
import { z } from 'zod';
import { UuidSchema } from '../common/ids';
import { noNulString } from '../common/text';

// What a polling station's board sends during the day (DOMAIN.md 7.2, 7.3) and what the office sends
// to the stations. Every entry carries an id the device creates once, so a retry is never a second entry.

const CLOCK = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
export const ClockTimeSchema = z.string().regex(CLOCK, 'Erwartet wird eine Uhrzeit wie 08:00.');

const personName = noNulString()
  .trim()
  .min(2, 'Bitte geben Sie den Namen an (mindestens 2 Zeichen).')
  .max(120)
  .refine((text) => [...text].every((char) => char.charCodeAt(0) >= 0x20), 'Der Name enthält ein unzulässiges Steuerzeichen.');

export const AttendingMemberSchema = z.strictObject({
  name: personName,
  role: z.enum(BOARD_ROLES, 'Unbekannte Funktion im Wahlvorstand.'),
  /** Appointed on the day by the chair for a missing Beisitzer (BWO § 6(9)); recorded with the time. */
  substitute: z.boolean().default(false),
  /** Since when present (substitutes: the time of the appointment). */
  since: ClockTimeSchema,
});
export type AttendingMember = z.infer<typeof AttendingMemberSchema>;

/** The members present now (the latest attendance replaces the earlier ones; all stay in the record). */
export const AttendanceEntrySchema = z.strictObject({
  kind: z.literal('attendance'),
  phase: z.enum(BOARD_PHASES),
  members: z.array(AttendingMemberSchema).max(30),
});

/** BWO § 53: opening time, the urn found empty and locked, the material handed over complete. */
export const OpeningEntrySchema = z.strictObject({
  kind: z.literal('opening'),
  openedAt: ClockTimeSchema,
  ballotBoxEmptyAndSealed: z.literal(true, 'Die Wahlurne muss vor Beginn leer vorgefunden und verschlossen werden (§ 53 Abs. 3 BWO).'),
  materialComplete: z.boolean(),
  note: noNulString().trim().max(1000).default(''),
});

/** R7.12: Stimmabgabevermerke and Wahlscheine taken so far, at one of the office's report times. */
export const TurnoutEntrySchema = z.strictObject({
  kind: z.literal('turnout'),
  slot: ClockTimeSchema,
  marked: z.number().int().min(0).max(100_000),
  certificates: z.number().int().min(0).max(100_000),
});

export const IncidentEntrySchema = z.strictObject({
  kind: z.literal('incident'),
  occurredAt: ClockTimeSchema,
  text: noNulString().trim().min(3, 'Bitte beschreiben Sie das Vorkommnis (mindestens 3 Zeichen).').max(2000),
});

export const PollingDayEntryBodySchema = z.discriminatedUnion('kind', [
  AttendanceEntrySchema,
  OpeningEntrySchema,
  TurnoutEntrySchema,
  IncidentEntrySchema,
]);
export type PollingDayEntryBody = z.infer<typeof PollingDayEntryBodySchema>;

/** `POST …/districts/:districtId/polling-day/entries`. */
export const sendPollingDayEntrySchema = z.strictObject({
  /** Created once on the device when the entry is saved; a retry sends the same id. */
  id: UuidSchema,
  /** When it was saved on the device (ISO); the office sees both this and the arrival. */
  savedAt: z.iso.datetime({ offset: true, message: 'Erwartet wird ein Zeitpunkt (ISO 8601).' }),
  entry: PollingDayEntryBodySchema,
});
export type SendPollingDayEntryRequest = z.infer<typeof sendPollingDayEntrySchema>;

/** `POST …/polling-day/messages`: to one district or (districtId null) to all. */
export const sendOfficeMessageSchema = z.strictObject({
  id: UuidSchema,
  districtId: UuidSchema.nullable(),
  text: noNulString().trim().min(3, 'Bitte geben Sie eine Nachricht ein (mindestens 3 Zeichen).').max(1000),
});
export type SendOfficeMessageRequest = z.infer<typeof sendOfficeMessageSchema>;

/** `PUT …/polling-day/settings`. */
export const pollingDaySettingsSchema = z.strictObject({
  turnoutSlots: z
    .array(ClockTimeSchema)
    .min(1, 'Bitte setzen Sie mindestens eine Meldezeit.')
    .max(12)
    .refine((slots) => new Set(slots).size === slots.length, 'Jede Meldezeit nur einmal.'),
  silentAfterMinutes: z.number().int().min(10).max(240),
  /** Second channel (R7.16): a confirmed quick report counts only once the office entered the board's check code. */
  checkCodeRequired: z.boolean().default(false),
  /** The previous election's turnout (urn, per cent) at the same report times, where known (R7.12). */
  previousTurnout: z
    .array(z.strictObject({ slot: ClockTimeSchema, percent: z.number().min(0).max(100) }))
    .max(12)
    .refine((rows) => new Set(rows.map((row) => row.slot)).size === rows.length, 'Jede Meldezeit nur einmal.')
    .default([]),
});
export type PollingDaySettings = z.infer<typeof pollingDaySettingsSchema>;
