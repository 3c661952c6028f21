// Wire shapes of the postal-voting office routes and the voter search: the contract's types
// (libs/contracts), never a copy. Office staff only: these answers name persons.
export type {
  A3ApplicationRequest,
  A3Entry,
  A3List,
  PostalApplication,
  PostalApplicationPage,
  PostalCertificate,
  PostalCertificatePage,
  PostalDayFigures,
  PostalFigures,
  PostalInvalidateOutcome,
  PostalInvalidateRequest,
  PostalIssueBatch,
  PostalIssueBatchList,
  PostalIssueChannel,
  PostalIssueOutcome,
  PostalPaperApplicationRequest,
  PostalSupplementaryList,
  RollVoter,
  VoterHistory,
  VoterSearchRequest,
  VoterSearchResult,
} from '@wahl/contracts';

/** The work queue's filters; empty means all (GET …/postal-voting/applications). */
export type ApplicationFilter = {
  readonly state?: 'received' | 'issued' | 'rejected';
  readonly channel?: 'online-link' | 'online-form' | 'paper';
  readonly representative?: boolean;
  readonly reference?: string;
  readonly voterId?: number;
};
