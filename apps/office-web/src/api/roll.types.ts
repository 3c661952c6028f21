// Wire shapes of the electoral-roll routes (mirrors apps/api/src/modules/roll/dtos). Office staff only:
// the error list and the unmatched addresses name residents, which is why they never leave the REST API.

export type RecordError = { readonly line: number; readonly column: string | null; readonly value: string; readonly reason: string };

export type ImportProgress = {
  readonly done: number;
  readonly total: number | null;
  readonly unit: 'bytes' | 'pages';
  readonly percent: number | null;
  readonly recordsPerSecond: number | null;
};

export type RegisterImportStatus = {
  readonly id: string;
  readonly electionId: string;
  readonly source: 'upload' | 'cli' | 'pull';
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly fileName: string | null;
  readonly encoding: string | null;
  readonly skipInvalid: boolean;
  readonly unchanged: boolean;
  readonly recordsRead: number;
  readonly rowsImported: number;
  readonly rowsRejected: number;
  readonly errorCount: number;
  readonly message: string | null;
  readonly progress: ImportProgress;
  readonly residentsEntered: number | null;
  readonly residentsUnassigned: number | null;
  readonly proposalsCreated: number | null;
  readonly createdBy: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly rejectedReportUrl: string | null;
};

export type RegisterImportJob = RegisterImportStatus & { readonly errors: readonly RecordError[] };

export type RegisterEncoding = 'auto' | 'utf-8' | 'windows-1252';

export type RollDistrictCount = {
  readonly districtId: string;
  readonly number: string;
  readonly name: string;
  readonly voters: number;
  readonly withPostalVote: number;
  readonly removed: number;
};

export type NotEnteredReason = { readonly reason: string; readonly label: string; readonly count: number };

export type RollSummary = {
  readonly electionId: string;
  readonly status: 'not-built' | 'built' | 'frozen';
  readonly cutoffDay: string;
  readonly numbersLocked: boolean;
  readonly builtAt: string | null;
  readonly builtBy: string | null;
  readonly importId: string | null;
  readonly totals: {
    readonly residents: number;
    readonly voters: number;
    readonly withPostalVote: number;
    readonly removed: number;
    readonly notEntered: number;
    readonly unassigned: number;
  } | null;
  readonly districts: readonly RollDistrictCount[];
  readonly notEntered: readonly NotEnteredReason[];
  readonly openProposals: number;
};

export type RollBuildResult = {
  readonly electionId: string;
  readonly residents: number;
  readonly voters: number;
  readonly notEntered: number;
  readonly unassigned: number;
  readonly durationMs: number;
};

export type UnmatchedAddress = {
  readonly line: number;
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly street: string;
  readonly houseNumber: string;
  readonly postalCode: string;
  readonly city: string;
  readonly problem: string;
  readonly problemLabel: string;
  readonly candidateDistricts: readonly string[];
};

export type UnmatchedAddresses = { readonly total: number; readonly items: readonly UnmatchedAddress[] };

export const PROPOSAL_KINDS = ['moved-away', 'moved-in', 'died', 'name-changed'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export type ProposalPerson = {
  readonly familyName?: string;
  readonly givenNames?: string;
  readonly birthDate?: string;
  readonly address?: string;
  readonly districtNumber?: string | null;
  readonly voterNumber?: number | null;
  readonly reasons?: readonly string[] | null;
};

export type ChangeProposal = {
  readonly id: string;
  readonly kind: ProposalKind;
  readonly kindLabel: string;
  readonly status: 'open' | 'accepted' | 'rejected' | 'superseded';
  readonly details: { readonly before?: ProposalPerson; readonly after?: ProposalPerson };
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
};

export type ChangeProposalList = { readonly total: number; readonly items: readonly ChangeProposal[] };

export type ChangeDecision = {
  readonly decision: 'accept' | 'reject';
  readonly reason: string;
  readonly proposalIds?: readonly string[];
  readonly kind?: ProposalKind;
};

export type ChangeDecisionResult = {
  readonly decided: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly added: number;
};
