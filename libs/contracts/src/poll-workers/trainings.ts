import { z } from 'zod';
import { noNulString } from '../common/text';
import { UuidSchema } from '../common/ids';

// Trainings of the board members (R7.20, BWO § 6(5)): sessions with place and capacity, the
// invited members and who attended.

export const TRAINING_CAPACITY_MAX = 500;
export const TRAINING_INVITATIONS_MAX = 1000;

export const createTrainingSchema = z.strictObject({
  /** Start with its offset, e.g. `2025-02-12T18:00:00+01:00`. */
  startsAt: z.iso.datetime({ offset: true, message: 'Beginn als Datum mit Uhrzeit angeben (z. B. 2025-02-12T18:00:00+01:00).' }),
  durationMinutes: z.number().int().min(15, 'Mindestens 15 Minuten.').max(480, 'Höchstens 8 Stunden.'),
  place: noNulString().trim().min(2, 'Bitte den Ort der Schulung angeben.').max(120),
  address: noNulString().trim().max(200).default(''),
  capacity: z
    .number()
    .int('Die Zahl der Plätze ist eine ganze Zahl.')
    .min(1, 'Mindestens ein Platz.')
    .max(TRAINING_CAPACITY_MAX, `Höchstens ${TRAINING_CAPACITY_MAX} Plätze.`),
});
export type CreateTrainingBody = z.infer<typeof createTrainingSchema>;

export const TrainingSchema = z
  .object({
    id: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    address: z.string(),
    capacity: z.number().int(),
    invited: z.number().int(),
    attended: z.number().int(),
  })
  .readonly();
export type Training = z.infer<typeof TrainingSchema>;

export const inviteToTrainingSchema = z.strictObject({
  personIds: z
    .array(UuidSchema)
    .min(1, 'Bitte mindestens eine Person auswählen.')
    .max(TRAINING_INVITATIONS_MAX, `Höchstens ${TRAINING_INVITATIONS_MAX} Personen auf einmal.`),
});
export type InviteToTrainingBody = z.infer<typeof inviteToTrainingSchema>;

export const setAttendanceSchema = z.strictObject({ attended: z.boolean('Teilgenommen: ja oder nein.') });
export type SetAttendanceBody = z.infer<typeof setAttendanceSchema>;

export const TrainingParticipantSchema = z
  .object({ personId: z.string(), name: z.string(), districtNumber: z.string().nullable(), attended: z.boolean().nullable() })
  .readonly();
export type TrainingParticipant = z.infer<typeof TrainingParticipantSchema>;

export const TrainingDetailSchema = z
  .object({ training: TrainingSchema, participants: z.array(TrainingParticipantSchema).readonly() })
  .readonly();
export type TrainingDetail = z.infer<typeof TrainingDetailSchema>;
