import { RESULT_STATUSES } from '@wahl/domain';
import { z } from 'zod';
import { noNulString } from '../common/text';
import { FieldDifferenceSchema } from '../quick-reports/report-responses';
import { submitReportSchema } from '../quick-reports/report-requests';
import { AttendingMemberSchema, ClockTimeSchema } from './polling-day-requests';

// The Wahlniederschrift (BWO § 72, Anlage 29; DOMAIN.md R7.14): the board's formal record apart from
// the quick report. The Schriftführer fills it in on the board's device; every member present signs
// personally, at least two different members (four eyes); the office then checks it (§ 76).

const text = (max: number) => noNulString().trim().max(max);

/** An incident as recorded: taken from the day's log or added, with the board's decision (§ 56(7), § 72(1)). */
export const RecordIncidentSchema = z.strictObject({
  occurredAt: ClockTimeSchema,
  text: text(2000).min(3, 'Bitte beschreiben Sie das Vorkommnis (mindestens 3 Zeichen).'),
  decision: text(2000).default(''),
});

const ballots = z.number().int('Bitte eine ganze Zahl eingeben.').min(0, 'Die Zahl darf nicht negativ sein.').max(100_000);

/** The counts with the quick report's Kennbuchstaben (A1 … Fn), checked by the same plausibility rules. */
export const RecordCountsSchema = submitReportSchema.omit({ expectedVersion: true, districtId: true, districtKind: true });

export const ElectionRecordContentSchema = z.strictObject({
  /** Section 1: members present with function, substitutes with the time of their appointment (§ 6(9)). */
  members: z.array(AttendingMemberSchema).min(1, 'Bitte tragen Sie die anwesenden Mitglieder ein.').max(30),
  /** Hilfskräfte (§ 6(10)), no members. */
  helpers: z.array(text(120).min(2)).max(20).default([]),
  /** Section 2: opening (§ 53) and the end of voting (§ 60). */
  openedAt: ClockTimeSchema,
  ballotBoxEmptyAndSealed: z.literal(true, 'Die Wahlurne muss vor Beginn leer vorgefunden und verschlossen werden (§ 53 Abs. 3 BWO).'),
  votingClosedAt: ClockTimeSchema,
  /** Section 3: incidents during voting and the count, with decisions. */
  incidents: z.array(RecordIncidentSchema).max(200).default([]),
  /** Section 4: doubtful ballots decided by the board, numbered and attached (§ 69(6)). */
  doubtfulBallots: z.strictObject({ decidedValid: ballots, decidedInvalid: ballots }),
  /** Section 5: a recount and its reason (§ 69(7)); empty if none. */
  recountReason: text(2000).default(''),
  /** Section 6: the result with the Kennbuchstaben of the quick report. */
  counts: RecordCountsSchema,
  /** Why the record differs from the quick report that counts; required when it does. */
  differencesExplanation: text(2000).default(''),
});
export type ElectionRecordContent = z.infer<typeof ElectionRecordContentSchema>;
export type ElectionRecordContentInput = z.input<typeof ElectionRecordContentSchema>;

/** `PUT …/districts/:districtId/record`: saves the record; earlier signatures no longer apply. */
export const saveElectionRecordSchema = z.strictObject({
  /** The revision the board edited (0 before the first save). */
  expectedRevision: z.number().int().min(0),
  record: ElectionRecordContentSchema,
});
export type SaveElectionRecordRequest = z.input<typeof saveElectionRecordSchema>;
export type SaveElectionRecordBody = z.infer<typeof saveElectionRecordSchema>;

/** `POST …/districts/:districtId/record/signatures`: the signed-in member signs this revision. */
export const signElectionRecordSchema = z.strictObject({ revision: z.number().int().min(1) });
export type SignElectionRecordRequest = z.infer<typeof signElectionRecordSchema>;

export const RecordSignatureSchema = z.object({ name: z.string(), signedAt: z.string() }).readonly();

/** `GET …/districts/:districtId/record`: the stored record or, before the first save, a draft from the day's log. */
export const ElectionRecordSchema = z
  .object({
    electionId: z.string(),
    districtId: z.string(),
    districtNumber: z.string(),
    /** 0 while nothing is stored. */
    revision: z.number().int(),
    record: ElectionRecordContentSchema.nullable(),
    /** Before the first save: members, opening and incidents from the day's log. */
    draft: z
      .object({
        members: z.array(AttendingMemberSchema),
        openedAt: z.string().nullable(),
        incidents: z.array(RecordIncidentSchema),
      })
      .nullable(),
    signatures: z.array(RecordSignatureSchema).readonly(),
    requiredSignatures: z.number().int(),
    status: z.enum(RESULT_STATUSES),
    /** The quick report version that counts, null if none. */
    quickReportVersion: z.number().int().nullable(),
    /** Kennbuchstaben whose record figure differs from the counted quick report (left: quick report, right: record). */
    differences: z.array(FieldDifferenceSchema).readonly(),
    checkedAt: z.string().nullable(),
    checkedBy: z.string().nullable(),
  })
  .readonly();
export type ElectionRecord = z.infer<typeof ElectionRecordSchema>;

/** `GET …/records`: per district the status and the differences between quick report and record (office). */
export const RecordOverviewSchema = z
  .object({
    electionId: z.string(),
    status: z.enum(RESULT_STATUSES),
    districts: z
      .array(
        z
          .object({
            districtId: z.string(),
            number: z.string(),
            name: z.string(),
            status: z.enum(RESULT_STATUSES),
            revision: z.number().int(),
            signatures: z.number().int(),
            differences: z.array(FieldDifferenceSchema).readonly(),
            differencesExplanation: z.string(),
          })
          .readonly(),
      )
      .readonly(),
  })
  .readonly();
export type RecordOverview = z.infer<typeof RecordOverviewSchema>;

/** `GET /api/public/elections/:electionId/result-status`: the election's stage and how many districts reached each (no district named). */
export const PublicResultStatusSchema = z
  .object({
    electionId: z.string(),
    status: z.enum(RESULT_STATUSES),
    districts: z
      .object({ none: z.number().int(), interim: z.number().int(), provisional: z.number().int(), final: z.number().int() })
      .readonly(),
  })
  .readonly();
export type PublicResultStatus = z.infer<typeof PublicResultStatusSchema>;
