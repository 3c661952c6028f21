import { z } from 'zod';
import { noNulString } from '../common/text';
import { UuidSchema } from '../common/ids';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES } from './roll.constants';

export const RollVoterSchema = z
  .object({
    voterId: z.number().int().describe('Id des Eintrags innerhalb der Wahl.'),
    districtId: UuidSchema,
    districtNumber: z.string(),
    districtName: z.string(),
    voterNumber: z.number().int().describe('Wählerverzeichnis-Nummer im Bezirk (R1.14).'),
    familyName: z.string(),
    givenNames: z.string(),
    birthDate: z.string(),
    address: z.string().describe('Straße Hausnummer, PLZ Ort'),
    status: z.enum(['active', 'removed']),
    postalVoteCertificate: z.string().nullable().describe('Wahlschein-Nummer, wenn „W“ vermerkt ist.'),
    informationBlock: z.boolean().describe('Auskunftssperre (BMG § 51): Dritten gegenüber nie anzeigen (R8.1).'),
    remarks: z.string().nullable(),
  })
  .readonly();
export type RollVoter = z.infer<typeof RollVoterSchema>;

export const VoterSearchResultSchema = z
  .object({
    results: z.array(RollVoterSchema).readonly().describe('Höchstens 20 Treffer.'),
    truncated: z.boolean().describe('Mehr Treffer als angezeigt: die Suche bitte genauer fassen.'),
  })
  .readonly();
export type VoterSearchResult = z.infer<typeof VoterSearchResultSchema>;

/** One event of a roll entry: a postal-vote mark, a decided change, or a clerk's look at it. */
export const VoterHistoryEventSchema = z
  .object({
    at: z.iso.datetime(),
    actor: z.string().describe('Wer (Benutzername).'),
    action: z.string().describe('postal-vote-marked, proposal-accepted, proposal-rejected, voter-lookup'),
    label: z.string().describe('Was, auf Deutsch (z. B. „Wahlschein 0101-000001 vermerkt (W)“).'),
    reason: z.string().nullable(),
  })
  .readonly();
export type VoterHistoryEvent = z.infer<typeof VoterHistoryEventSchema>;

/** `GET …/roll/voters/:voterId/history`: the entry and its events, newest first (the look itself is logged too). */
export const VoterHistorySchema = z
  .object({ voter: RollVoterSchema, events: z.array(VoterHistoryEventSchema).readonly().describe('Höchstens 200, neueste zuerst.') })
  .readonly();
export type VoterHistory = z.infer<typeof VoterHistorySchema>;

/** A person as the roll (`before`) or the register (`after`) has them, in a change proposal. */
export const ProposalPersonSchema = z
  .object({
    familyName: z.string().optional(),
    givenNames: z.string().optional(),
    birthDate: z.string().optional(),
    address: z.string().optional(),
    districtId: UuidSchema.nullable().optional(),
    districtNumber: z.string().nullable().optional(),
    voterNumber: z.number().int().nullable().optional(),
    reasons: z.array(z.string()).readonly().nullable().optional(),
  })
  .readonly();
export type ProposalPerson = z.infer<typeof ProposalPersonSchema>;

export const ProposalDetailsSchema = z
  .object({ before: ProposalPersonSchema.optional(), after: ProposalPersonSchema.optional() })
  .readonly()
  .describe('Verzeichnis (`before`) und Melderegister (`after`): Namen, Geburtsdatum, Anschrift, Bezirk, Nummer, Gründe.');
export type ProposalDetails = z.infer<typeof ProposalDetailsSchema>;

export const ChangeProposalSchema = z
  .object({
    id: UuidSchema,
    kind: z.enum(PROPOSAL_KINDS),
    kindLabel: z.string().describe('Art auf Deutsch.'),
    status: z.enum(PROPOSAL_STATUSES),
    voterId: z.number().int().nullable(),
    details: ProposalDetailsSchema,
    importId: UuidSchema.describe('Import, aus dem der Vorschlag stammt.'),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
  })
  .readonly();
export type ChangeProposal = z.infer<typeof ChangeProposalSchema>;

export const ChangeProposalListSchema = z.object({ total: z.number().int(), items: z.array(ChangeProposalSchema).readonly() }).readonly();
export type ChangeProposalList = z.infer<typeof ChangeProposalListSchema>;

export const ChangeDecisionResultSchema = z
  .object({
    decided: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    added: z
      .number()
      .int()
      .describe('Neu eingetragene (Zuzug, Umzug in einen anderen Bezirk) mit der nächsten freien Nummer ihres Bezirks.'),
  })
  .readonly();
export type ChangeDecisionResult = z.infer<typeof ChangeDecisionResultSchema>;

/** `POST …/roll/search`: name and birth date (TT.MM.JJJJ or JJJJ-MM-TT); every search is audited. */
export const VoterSearchSchema = z.strictObject({
  familyName: noNulString().trim().min(1, 'Familienname fehlt.').max(200),
  givenNames: noNulString().trim().max(200).optional(),
  birthDate: noNulString().trim().min(1, 'Geburtsdatum fehlt (TT.MM.JJJJ oder JJJJ-MM-TT).').max(32),
});
export type VoterSearchRequest = z.infer<typeof VoterSearchSchema>;

const decisionFields = {
  decision: z.enum(['accept', 'reject']),
  reason: noNulString().trim().min(1, 'Bitte eine Begründung angeben.').max(1000),
};

/** `POST …/roll/change-proposals/decisions`: the named proposals, or all open ones (of `kind`). */
export const ChangeDecisionSchema = z.strictObject({
  ...decisionFields,
  proposalIds: z.array(z.uuid()).min(1).max(100_000).readonly().optional(),
  kind: z.enum(PROPOSAL_KINDS).optional(),
});
export type ChangeDecision = z.infer<typeof ChangeDecisionSchema>;

/** `POST …/roll/change-proposals/:proposalId/decision`. */
export const SingleDecisionSchema = z.strictObject({ ...decisionFields });
export type SingleDecision = z.infer<typeof SingleDecisionSchema>;
