import { ELECTION_KINDS } from '@wahl/domain';
import { z } from 'zod';
import { ConfirmedWarningSchema, DistrictKindSchema, DistrictStateSchema } from '../quick-reports/report-responses';
import { DISTRICT_STATES } from '../quick-reports/district-states';

// Response shapes of the totals, the dashboard and the supra-municipal sums, and the progress event.

const percent = z.number().nullable();

const listVotes = { key: z.string(), shortName: z.string(), name: z.string(), color: z.string(), votes: z.number(), percent };

export const ListTotalsViewSchema = z.object({ ...listVotes, previousPercent: percent, changePoints: percent }).readonly();
export type ListTotalsView = z.infer<typeof ListTotalsViewSchema>;

/** P10: turnout over complete units (polling districts with their postal district) only. */
export const TurnoutSchema = z.object({ percent, completeUnits: z.number(), totalUnits: z.number() }).readonly();

/** P12: quick reports counted / expected, and the counts summed over them. */
const reportedCounts = {
  reported: z.number(),
  expected: z.number(),
  complete: z.boolean(),
  eligible: z.number(),
  voters: z.number(),
  votersWithWahlschein: z.number(),
};

/** A contest's totals with its lists as `list` describes them. */
const contestTotals = <L extends z.ZodType>(list: L) =>
  z
    .object({
      key: z.string(),
      name: z.string(),
      invalid: z.number(),
      valid: z.number(),
      invalidPercent: percent,
      lists: z.array(list).readonly(),
    })
    .readonly();

const AreaRefSchema = z.object({ id: z.string(), name: z.string(), level: z.string() }).readonly();

export const TotalsViewSchema = z
  .object({
    electionId: z.string(),
    area: AreaRefSchema,
    areas: z.array(z.object({ id: z.string(), name: z.string(), level: z.string(), parent: z.string().nullable() }).readonly()).readonly(),
    ...reportedCounts,
    turnout: TurnoutSchema,
    contests: z.array(contestTotals(ListTotalsViewSchema)).readonly(),
  })
  .readonly();
export type TotalsView = z.infer<typeof TotalsViewSchema>;

export const DistrictStatusViewSchema = z
  .object({
    districtId: z.string(),
    number: z.string(),
    name: z.string(),
    kind: DistrictKindSchema,
    pollingStation: z.string().nullable(),
    postalDistrictId: z.string().nullable(),
    state: DistrictStateSchema,
    stateLabel: z.string(),
    currentVersion: z.number(),
    countedVersion: z.number().nullable(),
    /** Flagged: the version the current one differs from. */
    comparedVersion: z.number().nullable(),
    enteredBy: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    /** Warnings of the current version with the confirming comment. */
    warnings: z.array(ConfirmedWarningSchema).readonly(),
    updatedAt: z.string().nullable(),
  })
  .readonly();
export type DistrictStatusView = z.infer<typeof DistrictStatusViewSchema>;

export const DistrictStatusListSchema = z
  .object({
    electionId: z.string(),
    total: z.number(),
    counted: z.number(),
    counts: z.record(z.enum(DISTRICT_STATES), z.number()).readonly(),
    districts: z.array(DistrictStatusViewSchema).readonly(),
  })
  .readonly();
export type DistrictStatusList = z.infer<typeof DistrictStatusListSchema>;

/** Socket event `election-night:progress` (office): counted districts of the whole election. */
export const ProgressEventSchema = z.object({ electionId: z.string(), reported: z.number(), expected: z.number() }).readonly();
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;

export const MunicipalityRowSchema = z
  .object({
    officeId: z.string(),
    name: z.string(),
    ags: z.string(),
    /** False while the municipality has not imported an election of this kind and day. */
    hasElection: z.boolean(),
    /** P12: quick reports counted / expected in the municipality. */
    reported: z.number(),
    expected: z.number(),
  })
  .readonly();
export type MunicipalityRow = z.infer<typeof MunicipalityRowSchema>;

export const SupraMunicipalTotalsViewSchema = z
  .object({
    office: z
      .object({ id: z.string(), name: z.string(), ags: z.string(), level: z.enum(['municipality', 'county', 'constituency', 'land']) })
      .readonly(),
    kind: z.enum(ELECTION_KINDS),
    electionDay: z.string(),
    ...reportedCounts,
    /** P10: over the complete units of all municipalities. */
    turnout: TurnoutSchema,
    contests: z.array(contestTotals(z.object(listVotes).readonly())).readonly(),
    municipalities: z.array(MunicipalityRowSchema).readonly(),
  })
  .readonly();
export type SupraMunicipalTotalsView = z.infer<typeof SupraMunicipalTotalsViewSchema>;

/** Query of `GET /api/offices/:officeId/election-totals`: the elections of one kind and day below the office. */
export const SupraMunicipalTotalsQuerySchema = z.object({
  kind: z.enum(ELECTION_KINDS, { error: 'Bitte eine bekannte Wahlart angeben (z. B. bundestag).' }),
  electionDay: z.iso.date({ error: 'Bitte den Wahltag als JJJJ-MM-TT angeben.' }),
});
export type SupraMunicipalTotalsQuery = z.infer<typeof SupraMunicipalTotalsQuerySchema>;
