import { z } from 'zod';
import { UuidSchema } from '../common/ids';
import { ROLL_CHANGE_REASONS } from './roll.constants';

export const RollDistrictCountSchema = z
  .object({
    districtId: UuidSchema,
    number: z.string().describe('Bezirksnummer, z. B. 0101'),
    name: z.string(),
    voters: z.number().int().describe('Eingetragene Wahlberechtigte (ohne gestrichene Einträge).'),
    withPostalVote: z.number().int().describe('Davon mit Wahlschein (Sperrvermerk „W“, R1.15).'),
    removed: z.number().int().describe('Gestrichene Einträge (nach angenommenen Änderungsvorschlägen).'),
  })
  .readonly();
export type RollDistrictCount = z.infer<typeof RollDistrictCountSchema>;

export const NotEnteredReasonSchema = z
  .object({
    reason: z.string().describe('Grund-Code (Hauptgrund, z. B. UNDER_AGE).'),
    label: z.string().describe('Erklärung auf Deutsch.'),
    count: z.number().int(),
  })
  .readonly();
export type NotEnteredReason = z.infer<typeof NotEnteredReasonSchema>;

export const RollTotalsSchema = z
  .object({
    residents: z.number().int().describe('Einwohner im Melderegister-Import.'),
    voters: z.number().int().describe('Eingetragene Wahlberechtigte (ohne gestrichene).'),
    withPostalVote: z.number().int(),
    removed: z.number().int(),
    notEntered: z.number().int().describe('Nicht von Amts wegen eingetragen (mit Grund).'),
    unassigned: z.number().int().describe('Wahlberechtigt, aber ohne eindeutigen Wahlbezirk: siehe `GET …/roll/unmatched`.'),
  })
  .readonly();
export type RollTotals = z.infer<typeof RollTotalsSchema>;

export const RollSummarySchema = z
  .object({
    electionId: UuidSchema,
    status: z
      .enum(['not-built', 'built', 'frozen'])
      .describe('`frozen`: gebaut und der Stichtag ist vorbei – Änderungen nur über Änderungsvorschläge.'),
    cutoffDay: z.string().describe('Stichtag (R1.7/R1.8), JJJJ-MM-TT.'),
    numbersLocked: z.boolean().describe('Wählerverzeichnis-Nummern gesperrt (Wahlbenachrichtigungen gedruckt, R1.14).'),
    outdated: z
      .boolean()
      .describe(
        'Gebaut, aber seitdem kam vor dem Stichtag ein neuerer, geänderter Melderegister-Import: die Zahlen sind veraltet, bitte neu bauen.',
      ),
    builtAt: z.iso.datetime().nullable(),
    builtBy: z.string().nullable(),
    importId: UuidSchema.nullable().describe('Import, aus dem die Zahlen stammen (der des Verzeichnisses, sonst der aktuelle).'),
    totals: RollTotalsSchema.nullable(),
    districts: z.array(RollDistrictCountSchema).readonly(),
    notEntered: z.array(NotEnteredReasonSchema).readonly().describe('Nicht Eingetragene je Hauptgrund (Summe = totals.notEntered).'),
    openProposals: z.number().int().describe('Offene Änderungsvorschläge.'),
  })
  .readonly();
export type RollSummary = z.infer<typeof RollSummarySchema>;

export const UnmatchedAddressSchema = z
  .object({
    line: z.number().int().describe('Zeile im Import (Bezug für Rückfragen).'),
    familyName: z.string(),
    givenNames: z.string(),
    birthDate: z.string(),
    streetKey: z.string(),
    street: z.string(),
    houseNumber: z.string(),
    postalCode: z.string(),
    city: z.string(),
    problem: z.string().describe('unknown-street, invalid-house-number, no-segment, ambiguous oder not-a-polling-district.'),
    problemLabel: z.string().describe('Erklärung auf Deutsch.'),
    candidateDistricts: z.array(z.string()).readonly().describe('Bei `ambiguous`: die Nummern der in Frage kommenden Bezirke.'),
  })
  .readonly();
export type UnmatchedAddress = z.infer<typeof UnmatchedAddressSchema>;

export const UnmatchedAddressesSchema = z
  .object({
    total: z.number().int(),
    items: z.array(UnmatchedAddressSchema).readonly().describe('Höchstens 1.000, nach Straße und Hausnummer.'),
  })
  .readonly();
export type UnmatchedAddresses = z.infer<typeof UnmatchedAddressesSchema>;

/** `POST …/roll/unmatched/:line/district`: the polling district the office chose for an address without one (R2.4). */
export const AssignAddressRequestSchema = z.object({ districtId: UuidSchema });
export type AssignAddressRequest = z.infer<typeof AssignAddressRequestSchema>;

export const AssignAddressResultSchema = z
  .object({
    line: z.number().int(),
    districtNumber: z.string(),
    voterNumber: z.number().int().nullable().describe('Die neue Nummer im Bezirk, wenn das Verzeichnis schon gebaut ist; sonst null.'),
  })
  .readonly();
export type AssignAddressResult = z.infer<typeof AssignAddressResultSchema>;

export const ClosingCountSchema = z
  .object({
    districtId: UuidSchema,
    number: z.string(),
    name: z.string(),
    A1: z.number().int().describe('Wahlberechtigte ohne Sperrvermerk „W“.'),
    A2: z.number().int().describe('Wahlberechtigte mit Sperrvermerk „W“ (Wahlschein erteilt).'),
    A3: z.number().int().describe('Nicht eingetragene Wahlberechtigte mit Wahlschein nach BWO § 25 Abs. 2.'),
    total: z.number().int().describe('A1 + A2: die Abschlusszahl des Bezirks (R1.21, P2).'),
    A: z.number().int().describe('A1 + A2 + A3 (P1).'),
  })
  .readonly();
export type ClosingCount = z.infer<typeof ClosingCountSchema>;

export const ClosingCountsSchema = z
  .object({
    electionId: UuidSchema,
    built: z.boolean().describe('Ob ein Wählerverzeichnis gebaut ist; sonst sind alle Zahlen 0.'),
    districts: z.array(ClosingCountSchema).readonly(),
    A1: z.number().int(),
    A2: z.number().int(),
    A3: z.number().int(),
    total: z.number().int(),
    A: z.number().int(),
  })
  .readonly();
export type ClosingCounts = z.infer<typeof ClosingCountsSchema>;

export const RollBuildResultSchema = z
  .object({
    electionId: UuidSchema,
    baseImportId: UuidSchema,
    residents: z.number().int(),
    voters: z.number().int(),
    notEntered: z.number().int(),
    unassigned: z.number().int(),
    durationMs: z.number(),
  })
  .readonly();
export type RollBuildResult = z.infer<typeof RollBuildResultSchema>;

/** `POST …/roll/close`: when and by whom the roll was closed (R1.21). */

/** One line of the roll's audit table (office heads only: it names persons). */
export const RollAuditEntrySchema = z
  .object({
    id: UuidSchema,
    at: z.iso.datetime(),
    actor: z.string(),
    action: z.string(),
    voterId: z.number().int().nullable(),
    proposalId: UuidSchema.nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .readonly();
export type RollAuditEntry = z.infer<typeof RollAuditEntrySchema>;
export const RollAuditLogSchema = z.array(RollAuditEntrySchema).readonly();

/** Socket event `roll:changed`: counts of a roll after a change, no person data. */
export const RollChangedSchema = z
  .object({
    electionId: UuidSchema,
    reason: z.enum(ROLL_CHANGE_REASONS),
    voters: z.number().int().nullable(),
  })
  .readonly();
export type RollChanged = z.infer<typeof RollChangedSchema>;
