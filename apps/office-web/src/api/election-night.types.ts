import type { QuickReport } from '@wahl/domain';
import type { Actor } from './office-api.types';

// Wire shapes of the election-night routes (mirrors apps/api/src/modules/election-night).

export const DISTRICT_STATES = ['missing', 'entered', 'confirmed', 'flagged', 'corrected', 'rejected'] as const;
export type DistrictState = (typeof DISTRICT_STATES)[number];
export type DistrictKind = 'polling' | 'postal';

export type PollingStation = { readonly name: string; readonly address: string };

export type BoardDistrict = {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly kind: DistrictKind;
  readonly pollingStation: PollingStation | null;
};

export type BoardSignIn = {
  readonly expiresAt: string;
  readonly user: Actor;
  readonly election: { readonly id: string; readonly name: string; readonly electionDay: string };
  readonly districts: readonly BoardDistrict[];
};

/** One input of the entry form: a Kennbuchstabe (or `markedCount`, `comment`) with its German label. */
export type FormField = { readonly letter: string; readonly label: string; readonly path: string; readonly required: boolean };

export type FormList = FormField & {
  readonly key: string;
  readonly shortName: string;
  readonly name: string;
  readonly color: string;
  readonly ballotPosition: number;
};

export type FormContest = {
  readonly key: string;
  readonly name: string;
  readonly invalid: FormField;
  readonly valid: FormField;
  readonly lists: readonly FormList[];
};

export type ReportForm = {
  readonly election: { readonly id: string; readonly name: string; readonly electionDay: string };
  readonly district: BoardDistrict;
  readonly fields: readonly FormField[];
  readonly contests: readonly FormContest[];
  readonly extra: readonly FormField[];
};

export type ConfirmedWarning = {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly fields: readonly string[];
  readonly message: string;
  readonly comment: string | null;
};

export type ReportVersion = {
  readonly version: number;
  readonly kind: 'entry' | 'correction';
  readonly report: QuickReport;
  readonly warnings: readonly ConfirmedWarning[];
  readonly reason: string | null;
  readonly enteredBy: { readonly id: string; readonly name: string; readonly role: string };
  readonly enteredAt: string;
};

export type ReportHistory = {
  readonly electionId: string;
  readonly districtId: string;
  readonly districtNumber: string;
  readonly districtName: string;
  readonly kind: DistrictKind;
  readonly state: DistrictState;
  readonly currentVersion: number;
  readonly countedVersion: number | null;
  readonly comparedVersion: number | null;
  readonly rejectionReason: string | null;
  readonly versions: readonly ReportVersion[];
};

export type ReportComparison = {
  readonly districtId: string;
  readonly districtNumber: string;
  readonly state: DistrictState;
  readonly left: ReportVersion;
  readonly right: ReportVersion;
  readonly identical: boolean;
  readonly differences: readonly { readonly field: string; readonly left: number | null; readonly right: number | null }[];
};

export type ReportOutcome = 'entered' | 'confirmed' | 'flagged' | 'approved' | 'rejected' | 'corrected';

export type ReportActionResult = {
  readonly electionId: string;
  readonly districtId: string;
  readonly districtNumber: string;
  readonly outcome: ReportOutcome;
  readonly version: number;
  readonly state: DistrictState;
  readonly currentVersion: number;
  readonly countedVersion: number | null;
  readonly comparedWith: number | null;
  readonly warnings: readonly ConfirmedWarning[];
  readonly message: string;
};

/** The body of a quick report as the routes take it (`QuickReport` without the district, plus version and confirmations). */
export type ReportBody = {
  readonly A?: number | null;
  readonly A1?: number | null;
  readonly A2?: number | null;
  readonly A3?: number | null;
  readonly B: number;
  readonly B1: number;
  readonly contests: readonly {
    readonly contestId: string;
    readonly invalid: number;
    readonly valid: number;
    readonly votes: Readonly<Record<string, number>>;
  }[];
  readonly markedCount?: number | null;
  readonly comment?: string | null;
  readonly expectedVersion: number;
  readonly confirmations: readonly { readonly rule: string; readonly comment: string }[];
  /** Corrections only. */
  readonly reason?: string;
};

export type DistrictStatus = {
  readonly districtId: string;
  readonly number: string;
  readonly name: string;
  readonly kind: DistrictKind;
  readonly pollingStation: string | null;
  readonly postalDistrictId: string | null;
  readonly state: DistrictState;
  readonly stateLabel: string;
  readonly currentVersion: number;
  readonly countedVersion: number | null;
  readonly comparedVersion: number | null;
  readonly enteredBy: string | null;
  readonly confirmedBy: string | null;
  readonly rejectionReason: string | null;
  readonly warnings: readonly ConfirmedWarning[];
  readonly updatedAt: string | null;
};

export type DistrictStatusList = {
  readonly electionId: string;
  readonly total: number;
  readonly counted: number;
  readonly counts: Readonly<Record<DistrictState, number>>;
  readonly districts: readonly DistrictStatus[];
};

export type ListTotals = {
  readonly key: string;
  readonly shortName: string;
  readonly name: string;
  readonly color: string;
  readonly votes: number;
  readonly percent: number | null;
  readonly previousPercent: number | null;
  readonly changePoints: number | null;
};

export type Totals = {
  readonly electionId: string;
  readonly area: { readonly id: string; readonly name: string; readonly level: string };
  readonly reported: number;
  readonly expected: number;
  readonly complete: boolean;
  readonly eligible: number;
  readonly voters: number;
  readonly votersWithWahlschein: number;
  readonly turnout: { readonly percent: number | null; readonly completeUnits: number; readonly totalUnits: number };
  readonly contests: readonly {
    readonly key: string;
    readonly name: string;
    readonly invalid: number;
    readonly valid: number;
    readonly invalidPercent: number | null;
    readonly lists: readonly ListTotals[];
  }[];
};

export type AccessCodeSummary = {
  readonly id: string;
  readonly districts: readonly { readonly id: string; readonly number: string; readonly name: string }[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly signIns: number;
  readonly lastSignInAt: string | null;
};

/** Socket event `election-night:district`: state and versions only, never numbers. */
export type DistrictStatusEvent = {
  readonly electionId: string;
  readonly districtId: string;
  readonly districtNumber: string;
  readonly state: DistrictState;
  readonly currentVersion: number;
  readonly countedVersion: number | null;
  readonly updatedAt: string;
};

/** Socket event `election-night:progress`. */
export type ProgressEvent = { readonly electionId: string; readonly reported: number; readonly expected: number };
