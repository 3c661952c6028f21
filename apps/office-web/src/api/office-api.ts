import { ApiError, toApiError } from './api-error';
import type {
  AccessCodeSummary,
  BoardSession,
  DistrictStatusList,
  ReportActionResult,
  ReportSubmission,
  ReportComparison,
  ReportForm,
  ReportHistory,
  Totals,
} from './election-night.types';
import type {
  BoundariesImportRequest,
  BoundariesPreview,
  CreateElectionRequest,
  DefinitionImportPreview,
  DefinitionImportRequest,
  Installation,
  LoginRequest,
  LoginResponse,
  SignInBody,
} from '@wahl/contracts';
import type {
  AccountSignature,
  Actor,
  CreateOfficeRequest,
  CreateUserRequest,
  PasswordResetIssued,
  RedeemPasswordReset,
  ElectionSummary,
  Office,
  OfficeUser,
  OfficeUserListEntry,
  PostalRepeatNotice,
  PostalRepeatNoticePage,
  RegisterPullSources,
  SignInRecord,
  UpdateOfficeRequest,
  UpdateUserRequest,
} from './office-api.types';
import type { PollingStationEdit } from '@wahl/contracts';
import type { Area, ContestHead, ContestList, District, ElectionDefinition, Street } from '@wahl/domain';
import type { CardLayout, PollingCardJob, PollingCardJobDetail } from './polling-cards.types';
import type {
  AskEarlierResult,
  AssignmentOverview,
  AssignmentStateChange,
  AssignmentSummary,
  BoardRoster,
  BoardNeeds,
  DefaultNeeds,
  Duplicates,
  MoveAssignment,
  PollWorkerEntry,
  PollWorkerImportPreview,
  PollWorkerImportResult,
  PollWorkerList,
  PollWorkerRow,
  ProposalResult,
  Substitute,
} from './poll-workers.types';
import type {
  DistrictDay,
  ElectionRecord,
  PollingDayMonitor,
  PollingDaySettings,
  RecordOverview,
  SaveElectionRecordRequest,
  SendOfficeMessageRequest,
  SendPollingDayEntryRequest,
  SentPollingDayEntry,
} from './polling-day.types';
import type {
  ApplicationFilter,
  PostalApplication,
  PostalApplicationPage,
  PostalCertificatePage,
  PostalFigures,
  PostalInvalidateOutcome,
  PostalInvalidateRequest,
  PostalIssueBatchList,
  PostalIssueOutcome,
  PostalPaperApplicationRequest,
  VoterHistory,
  VoterSearchRequest,
  VoterSearchResult,
  A3ApplicationRequest,
  A3Entry,
  A3List,
  PostalSupplementaryList,
} from './postal.types';
import type {
  BankAccount,
  CreateTrainingBody,
  InviteToTrainingBody,
  LetterRun,
  PaymentListView,
  PaymentSettings,
  SepaTransferBody,
  SetBankAccountBody,
  SetPaymentSettingsBody,
  StartLetterRunBody,
  Training,
  TrainingDetail,
} from './poll-worker-duties.types';
import type { RetentionPlan, RetentionRunResult, SetLegalHoldRequest } from './retention.types';
import type { RehearsalReset, ResultsPhase, ResultsPhaseState } from './rehearsal.types';
import type { CreatedWebhook, CreateWebhookRequest, WebhookOverview, WebhookSubscription } from './webhooks.types';
import type {
  ChangeDecision,
  ChangeDecisionResult,
  ChangeProposalList,
  CloseRoll,
  ClosingCounts,
  RegisterEncoding,
  RegisterImportJob,
  RegisterImportStatus,
  RollBuildResult,
  RollClosing,
  RollSummary,
  UnmatchedAddresses,
  AssignAddressRequest,
  AssignAddressResult,
} from './roll.types';

// The only module that talks to the API. The session lives in the HTTP-only cookie `wahl_session`
// that POST /api/auth/login sets; same-origin credentials send it along, scripts never see it.

type Headers = Readonly<Record<string, string>>;

async function send(method: string, path: string, body: unknown, headers: Headers, accept: string): Promise<Response> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept, ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  try {
    return await fetch(`/api${path}`, init);
  } catch {
    throw new ApiError(0, undefined, undefined, undefined);
  }
}

async function request<T>(method: string, path: string, body?: unknown, headers: Headers = {}): Promise<T> {
  const response = await send(method, path, body, headers, 'application/json, application/problem+json');
  let text: string;
  try {
    text = await response.text();
  } catch {
    // The connection broke while the answer came in: for the caller that is a lost connection.
    throw new ApiError(0, undefined, undefined, undefined);
  }
  let parsed: unknown = undefined;
  if (text && /json/.test(response.headers.get('content-type') ?? '')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed, response.headers.get('retry-after'), new Date());
  return parsed as T;
}

/** The list routes may answer with a bare array or with `{ items }`; both are accepted. */
const itemsOf = <T>(body: unknown): T[] => {
  if (Array.isArray(body)) return body as T[];
  if (typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items)) {
    return (body as { items: T[] }).items;
  }
  return [];
};

/** A file answer (e.g. a PDF) as a Blob with the name the server suggests. */
async function download(method: string, path: string, body?: unknown): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(method, path, body, {}, 'application/pdf, text/csv, application/problem+json');
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    throw toApiError(response.status, parsed, response.headers.get('retry-after'), new Date());
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), fileName };
}

/**
 * A register file as multipart upload. XMLHttpRequest, not fetch: only it reports how much of the
 * body has been sent, and the server reads the file while it arrives, so that is the progress.
 */
function uploadFile<T>(
  path: string,
  file: File,
  fields: Readonly<Record<string, string>>,
  onProgress: (sent: number, total: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const form = new FormData();
    // The options come before the file: the server reads the parts in order as they arrive.
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
    xhr.addEventListener('error', () => reject(new ApiError(0, undefined, undefined, undefined)));
    xhr.addEventListener('load', () => {
      let parsed: unknown = undefined;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(toApiError(xhr.status, parsed, xhr.getResponseHeader('retry-after'), new Date()));
    });
    xhr.send(form);
  });
}

const officePath = (officeId: string): string => `/offices/${encodeURIComponent(officeId)}`;
const electionPath = (electionId: string): string => `/elections/${encodeURIComponent(electionId)}`;
const districtPath = (electionId: string, districtId: string): string =>
  `${electionPath(electionId)}/districts/${encodeURIComponent(districtId)}`;
const idempotent = (key: string): Headers => ({ 'idempotency-key': key });

export const officeApi = {
  login: (username: string, password: string): Promise<LoginResponse> =>
    request<LoginResponse>('POST', '/auth/login', { username, password } satisfies LoginRequest),

  logout: (): Promise<void> => request<void>('POST', '/auth/logout'),

  /** The signed-in user, or null when there is no valid session. */
  me: async (): Promise<Actor | null> => {
    try {
      return await request<Actor>('GET', '/auth/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  /** The signed-in account's display name and function, with which it signs documents. */
  signature: (): Promise<AccountSignature> => request<AccountSignature>('GET', '/auth/signature'),

  office: (officeId: string): Promise<Office> => request<Office>('GET', officePath(officeId)),

  offices: async (): Promise<Office[]> => itemsOf<Office>(await request<unknown>('GET', '/offices')),

  /** Provider administrators create offices (tenants); their first users follow with createUser. */
  createOffice: (body: CreateOfficeRequest): Promise<Office> => request<Office>('POST', '/offices', body),

  /** Provider administrators rename an office or change its level (its key only while it has no election). */
  updateOffice: (officeId: string, body: UpdateOfficeRequest): Promise<Office> => request<Office>('PATCH', officePath(officeId), body),

  // The office's accounts (office admins; identity module).
  users: (officeId: string): Promise<OfficeUserListEntry[]> => request<OfficeUserListEntry[]>('GET', `${officePath(officeId)}/users`),

  createUser: (officeId: string, body: CreateUserRequest): Promise<OfficeUser> =>
    request<OfficeUser>('POST', `${officePath(officeId)}/users`, body),

  /** Role, display name, function or active of an account; deactivating ends its sessions. */
  updateUser: (officeId: string, userId: string, body: UpdateUserRequest): Promise<OfficeUser> =>
    request<OfficeUser>('PATCH', `${officePath(officeId)}/users/${encodeURIComponent(userId)}`, body),

  /** A one-time code for a user who forgot the password (shown once). */
  issuePasswordReset: (officeId: string, userId: string): Promise<PasswordResetIssued> =>
    request<PasswordResetIssued>('POST', `${officePath(officeId)}/users/${encodeURIComponent(userId)}/password-reset`),

  /** The user's new password with that code (no session needed). */
  redeemPasswordReset: (body: RedeemPasswordReset): Promise<void> => request<void>('POST', '/auth/password-reset', body),

  /** The account's last sign-ins, newest first (no passwords). */
  signIns: (officeId: string, userId: string): Promise<SignInRecord[]> =>
    request<SignInRecord[]>('GET', `${officePath(officeId)}/users/${encodeURIComponent(userId)}/sign-ins`),

  /** Lifts the block strangers caused with wrong passwords (recorded with who did it). */
  unlockUser: (officeId: string, userId: string): Promise<void> =>
    request<void>('POST', `${officePath(officeId)}/users/${encodeURIComponent(userId)}/unlock`),

  // The register services an office may pull from: read by its admin, set by the provider (roll module).
  pullSources: (officeId: string): Promise<RegisterPullSources> =>
    request<RegisterPullSources>('GET', `${officePath(officeId)}/register-pull-sources`),

  setPullSources: (officeId: string, body: RegisterPullSources): Promise<RegisterPullSources> =>
    request<RegisterPullSources>('PUT', `${officePath(officeId)}/register-pull-sources`, body),

  /** Null while the elections route does not exist on this server yet (404). */
  elections: async (): Promise<ElectionSummary[] | null> => {
    try {
      return itemsOf<ElectionSummary>(await request<unknown>('GET', '/elections'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },

  election: (electionId: string): Promise<ElectionSummary> => request<ElectionSummary>('GET', electionPath(electionId)),

  /** The public address that printed links use, and whether it names the server itself. */
  installation: (): Promise<Installation> => request<Installation>('GET', '/installation'),

  /** A new election from the office's form (empty or from a previous election of the office). */
  createElection: (body: CreateElectionRequest): Promise<ElectionSummary> => request<ElectionSummary>('POST', '/elections/new', body),

  /** What a file would create in the election, every problem by line and field; stores nothing. */
  previewImport: (electionId: string, body: DefinitionImportRequest): Promise<DefinitionImportPreview> =>
    request<DefinitionImportPreview>('POST', `${electionPath(electionId)}/imports/preview`, body),

  definition: (electionId: string): Promise<ElectionDefinition> =>
    request<ElectionDefinition>('GET', `${electionPath(electionId)}/definition`),

  updateDistrict: (electionId: string, number: string, body: District): Promise<ElectionSummary> =>
    request<ElectionSummary>('PUT', `${electionPath(electionId)}/districts/${encodeURIComponent(number)}`, body),

  updatePollingStation: (electionId: string, stationId: string, body: PollingStationEdit): Promise<ElectionSummary> =>
    request<ElectionSummary>('PUT', `${electionPath(electionId)}/polling-stations/${encodeURIComponent(stationId)}`, body),

  updateArea: (electionId: string, key: string, body: Area): Promise<ElectionSummary> =>
    request<ElectionSummary>('PUT', `${electionPath(electionId)}/areas/${encodeURIComponent(key)}`, body),

  updateContest: (electionId: string, contestId: string, body: ContestHead): Promise<ElectionSummary> =>
    request<ElectionSummary>('PUT', `${electionPath(electionId)}/contests/${encodeURIComponent(contestId)}`, body),

  updateStreet: (electionId: string, key: string, body: Street): Promise<ElectionSummary> =>
    request<ElectionSummary>('PUT', `${electionPath(electionId)}/streets/${encodeURIComponent(key)}`, body),

  /** Removes a station, an area or a street (`polling-stations`, `areas`, `streets`). */
  deletePart: (electionId: string, part: 'polling-stations' | 'areas' | 'streets', key: string): Promise<ElectionSummary> =>
    request<ElectionSummary>('DELETE', `${electionPath(electionId)}/${part}/${encodeURIComponent(key)}`),

  updateList: (electionId: string, contestId: string, listId: string, body: ContestList): Promise<ElectionSummary> =>
    request<ElectionSummary>(
      'PUT',
      `${electionPath(electionId)}/contests/${encodeURIComponent(contestId)}/lists/${encodeURIComponent(listId)}`,
      body,
    ),

  /** What a GeoJSON file of district boundaries matches, every problem by feature and property; stores nothing. */
  previewBoundaries: (electionId: string, body: BoundariesImportRequest): Promise<BoundariesPreview> =>
    request<BoundariesPreview>('POST', `${electionPath(electionId)}/boundaries/preview`, body),

  applyBoundaries: (electionId: string, body: BoundariesImportRequest): Promise<BoundariesPreview> =>
    request<BoundariesPreview>('POST', `${electionPath(electionId)}/boundaries/apply`, body),

  applyImport: (electionId: string, body: DefinitionImportRequest): Promise<ElectionSummary> =>
    request<ElectionSummary>('POST', `${electionPath(electionId)}/imports/apply`, body),

  // Election night: board access (DOMAIN.md 4, access-codes controller).
  /** Personal sign-in (issue #17): code, name and PIN; `pinRepeat` only when the PIN is set at the first sign-in. */
  boardSignIn: (body: SignInBody): Promise<BoardSession> => request<BoardSession>('POST', '/board/sign-in', body),

  accessCodes: (electionId: string): Promise<AccessCodeSummary[]> =>
    request<AccessCodeSummary[]>('GET', `${electionPath(electionId)}/board-codes`),

  /** Generates new codes; they exist only in the returned PDF (the server keeps their hashes). */
  accessCodeSheet: (electionId: string, replaceExisting: boolean) =>
    download('POST', `${electionPath(electionId)}/board-codes.pdf`, { replaceExisting }),

  // Quick reports of one district (reports controller).
  reportForm: (electionId: string, districtId: string): Promise<ReportForm> =>
    request<ReportForm>('GET', `${districtPath(electionId, districtId)}/report-form`),

  reportHistory: (electionId: string, districtId: string): Promise<ReportHistory> =>
    request<ReportHistory>('GET', `${districtPath(electionId, districtId)}/reports`),

  compareReports: (electionId: string, districtId: string, left?: number, right?: number): Promise<ReportComparison> => {
    const query = new URLSearchParams();
    if (left !== undefined) query.set('left', String(left));
    if (right !== undefined) query.set('right', String(right));
    const suffix = query.size ? `?${query.toString()}` : '';
    return request<ReportComparison>('GET', `${districtPath(electionId, districtId)}/reports/compare${suffix}`);
  },

  /** The key is generated once per draft, so a retry after a lost answer is never counted twice. */
  submitReport: (electionId: string, districtId: string, body: ReportSubmission, idempotencyKey: string): Promise<ReportActionResult> =>
    request<ReportActionResult>('POST', `${districtPath(electionId, districtId)}/reports`, body, idempotent(idempotencyKey)),

  correctReport: (
    electionId: string,
    districtId: string,
    body: ReportSubmission & { reason: string },
    idempotencyKey: string,
  ): Promise<ReportActionResult> =>
    request<ReportActionResult>('POST', `${districtPath(electionId, districtId)}/reports/corrections`, body, idempotent(idempotencyKey)),

  approveReport: (electionId: string, districtId: string, version: number, idempotencyKey: string): Promise<ReportActionResult> =>
    request<ReportActionResult>(
      'POST',
      `${districtPath(electionId, districtId)}/reports/${version}/approve`,
      {},
      idempotent(idempotencyKey),
    ),

  rejectReport: (
    electionId: string,
    districtId: string,
    version: number,
    reason: string,
    idempotencyKey: string,
  ): Promise<ReportActionResult> =>
    request<ReportActionResult>(
      'POST',
      `${districtPath(electionId, districtId)}/reports/${version}/reject`,
      { reason },
      idempotent(idempotencyKey),
    ),

  /** The check code the board read out by phone (R7.16). */
  enterCheckCode: (electionId: string, districtId: string, code: string): Promise<ReportActionResult> =>
    request<ReportActionResult>('POST', `${districtPath(electionId, districtId)}/reports/check-code`, { code }),

  // Dashboard (totals controller).
  districtStatuses: (electionId: string): Promise<DistrictStatusList> =>
    request<DistrictStatusList>('GET', `${electionPath(electionId)}/districts/status`),

  totals: (electionId: string): Promise<Totals> => request<Totals>('GET', `${electionPath(electionId)}/totals?area=municipality`),

  // Electoral roll (roll and register-imports controllers).
  uploadRegister: (
    electionId: string,
    file: File,
    options: { encoding: RegisterEncoding; skipInvalid: boolean },
    onProgress: (sent: number, total: number) => void,
  ) =>
    uploadFile<RegisterImportJob>(
      `${electionPath(electionId)}/register-imports`,
      file,
      { encoding: options.encoding, skipInvalid: String(options.skipInvalid) },
      onProgress,
    ),

  registerImports: (electionId: string): Promise<RegisterImportStatus[]> =>
    request<RegisterImportStatus[]>('GET', `${electionPath(electionId)}/register-imports`),

  registerImport: (electionId: string, jobId: string): Promise<RegisterImportJob> =>
    request<RegisterImportJob>('GET', `${electionPath(electionId)}/register-imports/${encodeURIComponent(jobId)}`),

  /** The rows an import with skipInvalid left out (CSV: line, column, value, reason). */
  rejectedRows: (electionId: string, jobId: string) =>
    download('GET', `${electionPath(electionId)}/register-imports/${encodeURIComponent(jobId)}/rejected.csv`),

  buildRoll: (electionId: string): Promise<RollBuildResult> => request<RollBuildResult>('POST', `${electionPath(electionId)}/roll/build`),

  rollSummary: (electionId: string): Promise<RollSummary> => request<RollSummary>('GET', `${electionPath(electionId)}/roll/summary`),

  unmatchedAddresses: (electionId: string): Promise<UnmatchedAddresses> =>
    request<UnmatchedAddresses>('GET', `${electionPath(electionId)}/roll/unmatched`),

  /** The office's choice of polling district for an address without one (audited; a built roll gets the entry). */
  assignAddress: (electionId: string, line: number, body: AssignAddressRequest): Promise<AssignAddressResult> =>
    request<AssignAddressResult>('POST', `${electionPath(electionId)}/roll/unmatched/${line}/district`, body),

  changeProposals: (electionId: string, status: 'open' | 'accepted' | 'rejected', limit = 200): Promise<ChangeProposalList> =>
    request<ChangeProposalList>('GET', `${electionPath(electionId)}/roll/change-proposals?status=${status}&limit=${limit}`),

  /** Several proposals by id, or all open ones (of one kind) without ids. */
  decideProposals: (electionId: string, decision: ChangeDecision): Promise<ChangeDecisionResult> =>
    request<ChangeDecisionResult>('POST', `${electionPath(electionId)}/roll/change-proposals/decisions`, decision),

  /** Every search is written to the roll's audit log by the API (R8.1). */
  searchVoters: (electionId: string, body: VoterSearchRequest): Promise<VoterSearchResult> =>
    request<VoterSearchResult>('POST', `${electionPath(electionId)}/roll/search`, body),

  /** One entry's history; reading it is logged like a search. */
  voterHistory: (electionId: string, voterId: number): Promise<VoterHistory> =>
    request<VoterHistory>('GET', `${electionPath(electionId)}/roll/voters/${voterId}/history`),

  /** Today's A1/A2/A3 per district (R1.21). */
  closingCounts: (electionId: string): Promise<ClosingCounts> =>
    request<ClosingCounts>('GET', `${electionPath(electionId)}/roll/closing-counts`),

  /** The stored closing certificate; 409 ROLL_NOT_CLOSED while the roll is open. */
  rollClosing: (electionId: string): Promise<RollClosing> => request<RollClosing>('GET', `${electionPath(electionId)}/roll/closing`),

  closeRoll: (electionId: string, body: CloseRoll): Promise<RollClosing> =>
    request<RollClosing>('POST', `${electionPath(electionId)}/roll/close`, body),

  rollClosingPdf: (electionId: string) => download('GET', `${electionPath(electionId)}/roll/closing.pdf`),

  /** The printed roll of one district (R1.13). */
  rollFile: (electionId: string, districtId: string, format: 'pdf' | 'csv') =>
    download('GET', `${electionPath(electionId)}/roll/districts/${encodeURIComponent(districtId)}/roll.${format}`),

  // Postal voting office (postal-voting office controller): work queue, issuing, certificates.
  postalApplications: (electionId: string, filter: ApplicationFilter = {}, limit = 200, offset = 0): Promise<PostalApplicationPage> => {
    const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    for (const [name, value] of Object.entries(filter)) if (value !== undefined && value !== '') query.set(name, String(value));
    return request<PostalApplicationPage>('GET', `${electionPath(electionId)}/postal-voting/applications?${query.toString()}`);
  },

  enterPostalApplication: (electionId: string, body: PostalPaperApplicationRequest): Promise<PostalApplication> =>
    request<PostalApplication>('POST', `${electionPath(electionId)}/postal-voting/applications`, body),

  rejectPostalApplication: (electionId: string, applicationId: string, reason: string): Promise<PostalApplication> =>
    request<PostalApplication>(
      'POST',
      `${electionPath(electionId)}/postal-voting/applications/${encodeURIComponent(applicationId)}/reject`,
      { reason },
    ),

  /** One request of an issuing run; `batchId` continues the run of an earlier request. */
  issueCertificates: (electionId: string, applicationIds: readonly string[], batchId: string | null = null): Promise<PostalIssueOutcome> =>
    request<PostalIssueOutcome>('POST', `${electionPath(electionId)}/postal-voting/issue`, {
      applicationIds,
      ...(batchId ? { batchId } : {}),
    }),

  /** The latest issuing runs, newest first (cut-short ones too). */
  issueBatches: (electionId: string): Promise<PostalIssueBatchList> =>
    request<PostalIssueBatchList>('GET', `${electionPath(electionId)}/postal-voting/batches`),

  /** The certificates or the address labels of one issuing run (PDF). */
  issueBatchFile: (electionId: string, batchId: string, file: 'wahlscheine.pdf' | 'etiketten.pdf') =>
    download('GET', `${electionPath(electionId)}/postal-voting/batches/${encodeURIComponent(batchId)}/${file}`),

  postalCertificates: (electionId: string, status?: 'valid' | 'invalid', limit = 200): Promise<PostalCertificatePage> =>
    request<PostalCertificatePage>(
      'GET',
      `${electionPath(electionId)}/postal-voting/certificates?limit=${limit}${status ? `&status=${status}` : ''}`,
    ),

  /** R1.16: the district's Nachtragsliste W (certificates after closing, invalid ones, A1/A2 corrected). */
  supplementaryList: (electionId: string, districtId: string): Promise<PostalSupplementaryList> =>
    request<PostalSupplementaryList>(
      'GET',
      `${electionPath(electionId)}/postal-voting/districts/${encodeURIComponent(districtId)}/supplementary-list`,
    ),

  supplementaryListPdf: (electionId: string, districtId: string) =>
    download('GET', `${electionPath(electionId)}/postal-voting/districts/${encodeURIComponent(districtId)}/supplementary-list.pdf`),

  // A3: Wahlscheine for persons not in the roll (BWO § 25(2)).
  a3Entries: (electionId: string): Promise<A3List> => request<A3List>('GET', `${electionPath(electionId)}/postal-voting/a3`),

  applyA3: (electionId: string, body: A3ApplicationRequest): Promise<A3Entry> =>
    request<A3Entry>('POST', `${electionPath(electionId)}/postal-voting/a3`, body),

  issueA3: (electionId: string, id: string): Promise<A3Entry> =>
    request<A3Entry>('POST', `${electionPath(electionId)}/postal-voting/a3/${encodeURIComponent(id)}/issue`),

  a3Pdf: (electionId: string, id: string) =>
    download('GET', `${electionPath(electionId)}/postal-voting/a3/${encodeURIComponent(id)}/wahlschein.pdf`),

  certificatePdf: (electionId: string, certificateId: string) =>
    download('GET', `${electionPath(electionId)}/postal-voting/certificates/${encodeURIComponent(certificateId)}/wahlschein.pdf`),

  invalidateCertificate: (electionId: string, certificateId: string, body: PostalInvalidateRequest): Promise<PostalInvalidateOutcome> =>
    request<PostalInvalidateOutcome>(
      'POST',
      `${electionPath(electionId)}/postal-voting/certificates/${encodeURIComponent(certificateId)}/invalidate`,
      body,
    ),

  postalFigures: (electionId: string): Promise<PostalFigures> =>
    request<PostalFigures>('GET', `${electionPath(electionId)}/postal-voting/figures`),

  // Postal voting: voters to be told of a repeated application (postal-voting office controller).
  repeatNotices: (electionId: string): Promise<PostalRepeatNoticePage> =>
    request<PostalRepeatNoticePage>('GET', `${electionPath(electionId)}/postal-voting/repeat-notices?limit=1000`),

  repeatNoticeDone: (electionId: string, noticeId: string): Promise<PostalRepeatNotice> =>
    request<PostalRepeatNotice>('POST', `${electionPath(electionId)}/postal-voting/repeat-notices/${encodeURIComponent(noticeId)}/done`),

  // Polling cards (polling-cards controller).
  pollingCardJobs: (electionId: string): Promise<PollingCardJob[]> =>
    request<PollingCardJob[]>('GET', `${electionPath(electionId)}/polling-cards/jobs`),

  pollingCardJob: (electionId: string, jobId: string): Promise<PollingCardJobDetail> =>
    request<PollingCardJobDetail>('GET', `${electionPath(electionId)}/polling-cards/jobs/${encodeURIComponent(jobId)}`),

  startPollingCards: (electionId: string, kind: 'main' | 'follow-up', layout: CardLayout): Promise<PollingCardJob> =>
    request<PollingCardJob>('POST', `${electionPath(electionId)}/polling-cards/jobs`, { kind, layout }),

  cancelPollingCards: (electionId: string, jobId: string): Promise<PollingCardJob> =>
    request<PollingCardJob>('POST', `${electionPath(electionId)}/polling-cards/jobs/${encodeURIComponent(jobId)}/cancel`),

  resumePollingCards: (electionId: string, jobId: string): Promise<PollingCardJob> =>
    request<PollingCardJob>('POST', `${electionPath(electionId)}/polling-cards/jobs/${encodeURIComponent(jobId)}/resume`),

  pollingCardFile: (electionId: string, jobId: string, fileName: string) =>
    download('GET', `${electionPath(electionId)}/polling-cards/jobs/${encodeURIComponent(jobId)}/files/${encodeURIComponent(fileName)}`),

  pollingCardPreview: (electionId: string, layout: CardLayout) =>
    download('GET', `${electionPath(electionId)}/polling-cards/preview?layout=${layout}`),

  replacementCard: (electionId: string, voterId: number, reason: string): Promise<PollingCardJobDetail> =>
    request<PollingCardJobDetail>('POST', `${electionPath(electionId)}/polling-cards/replacements`, { voterId, reason }),

  // Poll workers (poll-workers controller, issue #14).
  pollWorkers: (electionId: string, search: string, filter: string): Promise<PollWorkerList> =>
    request<PollWorkerList>('GET', `${electionPath(electionId)}/poll-workers?${new URLSearchParams({ search, filter }).toString()}`),

  pollWorkerAssignments: (electionId: string): Promise<AssignmentOverview> =>
    request<AssignmentOverview>('GET', `${electionPath(electionId)}/poll-workers/assignments`),

  enterPollWorker: (electionId: string, body: PollWorkerEntry): Promise<PollWorkerRow> =>
    request<PollWorkerRow>('POST', `${electionPath(electionId)}/poll-workers`, body),

  setBoardNeeds: (electionId: string, body: BoardNeeds): Promise<AssignmentOverview> =>
    request<AssignmentOverview>('POST', `${electionPath(electionId)}/poll-workers/needs`, body),

  setDefaultNeeds: (electionId: string, body: DefaultNeeds): Promise<AssignmentOverview> =>
    request<AssignmentOverview>('POST', `${electionPath(electionId)}/poll-workers/needs/default`, body),

  proposeAssignments: (electionId: string): Promise<ProposalResult> =>
    request<ProposalResult>('POST', `${electionPath(electionId)}/poll-workers/proposal`),

  assignPollWorker: (
    electionId: string,
    body: { personId: string; districtId: string | null; function: string },
  ): Promise<AssignmentSummary> => request<AssignmentSummary>('POST', `${electionPath(electionId)}/poll-workers/assignments`, body),

  moveAssignment: (electionId: string, assignmentId: string, body: MoveAssignment): Promise<AssignmentSummary> =>
    request<AssignmentSummary>('PATCH', `${electionPath(electionId)}/poll-workers/assignments/${encodeURIComponent(assignmentId)}`, body),

  changeAssignmentState: (electionId: string, assignmentId: string, body: AssignmentStateChange): Promise<AssignmentSummary> =>
    request<AssignmentSummary>(
      'POST',
      `${electionPath(electionId)}/poll-workers/assignments/${encodeURIComponent(assignmentId)}/state`,
      body,
    ),

  substitutePollWorker: (electionId: string, assignmentId: string, body: Substitute): Promise<AssignmentSummary> =>
    request<AssignmentSummary>(
      'POST',
      `${electionPath(electionId)}/poll-workers/assignments/${encodeURIComponent(assignmentId)}/substitute`,
      body,
    ),

  previewPollWorkerImport: (electionId: string, csv: string): Promise<PollWorkerImportPreview> =>
    request<PollWorkerImportPreview>('POST', `${electionPath(electionId)}/poll-workers/import/preview`, { csv }),

  applyPollWorkerImport: (electionId: string, csv: string): Promise<PollWorkerImportResult> =>
    request<PollWorkerImportResult>('POST', `${electionPath(electionId)}/poll-workers/import/apply`, { csv }),

  askEarlierPollWorkers: (electionId: string): Promise<AskEarlierResult> =>
    request<AskEarlierResult>('POST', `${electionPath(electionId)}/poll-workers/ask-earlier`),

  pollWorkerDuplicates: (electionId: string): Promise<Duplicates> =>
    request<Duplicates>('GET', `${electionPath(electionId)}/poll-workers/duplicates`),

  mergePollWorkers: (electionId: string, keepId: string, mergeId: string): Promise<PollWorkerRow> =>
    request<PollWorkerRow>('POST', `${electionPath(electionId)}/poll-workers/merge`, { keepId, mergeId }),
  // Letters, trainings and refreshment money of the poll workers (poll-workers/{letters,trainings,payments}).
  letterRuns: (electionId: string): Promise<LetterRun[]> =>
    request<LetterRun[]>('GET', `${electionPath(electionId)}/poll-workers/letter-runs`),
  startLetterRun: (electionId: string, body: StartLetterRunBody): Promise<LetterRun> =>
    request<LetterRun>('POST', `${electionPath(electionId)}/poll-workers/letter-runs`, body),
  letterRun: (electionId: string, runId: string): Promise<LetterRun> =>
    request<LetterRun>('GET', `${electionPath(electionId)}/poll-workers/letter-runs/${encodeURIComponent(runId)}`),
  letterPdf: (electionId: string, runId: string) =>
    download('GET', `${electionPath(electionId)}/poll-workers/letter-runs/${encodeURIComponent(runId)}/pdf`),
  trainings: (electionId: string): Promise<Training[]> => request<Training[]>('GET', `${electionPath(electionId)}/poll-workers/trainings`),
  createTraining: (electionId: string, body: CreateTrainingBody): Promise<Training> =>
    request<Training>('POST', `${electionPath(electionId)}/poll-workers/trainings`, body),
  training: (electionId: string, trainingId: string): Promise<TrainingDetail> =>
    request<TrainingDetail>('GET', `${electionPath(electionId)}/poll-workers/trainings/${encodeURIComponent(trainingId)}`),
  inviteToTraining: (electionId: string, trainingId: string, body: InviteToTrainingBody): Promise<TrainingDetail> =>
    request<TrainingDetail>(
      'POST',
      `${electionPath(electionId)}/poll-workers/trainings/${encodeURIComponent(trainingId)}/invitations`,
      body,
    ),
  setTrainingAttendance: (electionId: string, trainingId: string, personId: string, attended: boolean): Promise<TrainingDetail> =>
    request<TrainingDetail>(
      'PUT',
      `${electionPath(electionId)}/poll-workers/trainings/${encodeURIComponent(trainingId)}/attendance/${encodeURIComponent(personId)}`,
      { attended },
    ),
  paymentSettings: (electionId: string): Promise<PaymentSettings> =>
    request<PaymentSettings>('GET', `${electionPath(electionId)}/poll-workers/payment-settings`),
  savePaymentSettings: (electionId: string, body: SetPaymentSettingsBody): Promise<PaymentSettings> =>
    request<PaymentSettings>('PUT', `${electionPath(electionId)}/poll-workers/payment-settings`, body),
  saveBankAccount: (electionId: string, personId: string, body: SetBankAccountBody): Promise<BankAccount> =>
    request<BankAccount>('PUT', `${electionPath(electionId)}/poll-workers/people/${encodeURIComponent(personId)}/bank-account`, body),
  paymentList: (electionId: string): Promise<PaymentListView> =>
    request<PaymentListView>('GET', `${electionPath(electionId)}/poll-workers/payments`),
  paymentCsv: (electionId: string) => download('GET', `${electionPath(electionId)}/poll-workers/payments.csv`),
  sepaFile: (electionId: string, body: SepaTransferBody) =>
    download('POST', `${electionPath(electionId)}/poll-workers/payments/sepa`, body),

  // Retention (retention controller, R8.4).
  retentionPlan: (electionId: string): Promise<RetentionPlan> => request<RetentionPlan>('GET', `${electionPath(electionId)}/retention`),

  runRetention: (electionId: string): Promise<RetentionRunResult> =>
    request<RetentionRunResult>('POST', `${electionPath(electionId)}/retention/run`),

  setLegalHold: (electionId: string, body: SetLegalHoldRequest): Promise<RetentionPlan> =>
    request<RetentionPlan>('PUT', `${electionPath(electionId)}/retention/hold`, body),

  liftLegalHold: (electionId: string): Promise<RetentionPlan> =>
    request<RetentionPlan>('DELETE', `${electionPath(electionId)}/retention/hold`),

  // Rehearsal mode (rehearsal controller, docs/REHEARSAL.md).
  resultsPhase: (electionId: string): Promise<ResultsPhaseState> =>
    request<ResultsPhaseState>('GET', `${electionPath(electionId)}/results-phase`),

  setResultsPhase: (electionId: string, phase: ResultsPhase): Promise<ResultsPhaseState> =>
    request<ResultsPhaseState>('PUT', `${electionPath(electionId)}/results-phase`, { phase }),

  resetRehearsal: (electionId: string): Promise<RehearsalReset> =>
    request<RehearsalReset>('POST', `${electionPath(electionId)}/results-phase/reset`),

  // Webhooks for the press and partners (webhooks controller, docs/WEBHOOKS.md).
  webhooks: (electionId: string): Promise<WebhookOverview> => request<WebhookOverview>('GET', `${electionPath(electionId)}/webhooks`),

  createWebhook: (electionId: string, body: CreateWebhookRequest): Promise<CreatedWebhook> =>
    request<CreatedWebhook>('POST', `${electionPath(electionId)}/webhooks`, body),

  setWebhookActive: (electionId: string, webhookId: string, active: boolean): Promise<WebhookSubscription> =>
    request<WebhookSubscription>('PATCH', `${electionPath(electionId)}/webhooks/${encodeURIComponent(webhookId)}`, { active }),

  deleteWebhook: (electionId: string, webhookId: string): Promise<void> =>
    request<void>('DELETE', `${electionPath(electionId)}/webhooks/${encodeURIComponent(webhookId)}`),

  // The polling station's day (polling-day controller, DOMAIN.md 7).
  districtDay: (electionId: string, districtId: string): Promise<DistrictDay> =>
    request<DistrictDay>('GET', `${districtPath(electionId, districtId)}/polling-day`),

  /** The appointed members of the district's board (poll workers), to prefill the attendance. */
  boardRoster: (electionId: string, districtId: string): Promise<BoardRoster> =>
    request<BoardRoster>('GET', `${districtPath(electionId, districtId)}/poll-workers/roster`),

  sendPollingDayEntry: (electionId: string, districtId: string, body: SendPollingDayEntryRequest): Promise<SentPollingDayEntry> =>
    request<SentPollingDayEntry>('POST', `${districtPath(electionId, districtId)}/polling-day/entries`, body),

  markMessageRead: (electionId: string, districtId: string, messageId: string): Promise<{ readAt: string }> =>
    request<{ readAt: string }>(
      'POST',
      `${districtPath(electionId, districtId)}/polling-day/messages/${encodeURIComponent(messageId)}/read`,
    ),

  pollingDayMonitor: (electionId: string): Promise<PollingDayMonitor> =>
    request<PollingDayMonitor>('GET', `${electionPath(electionId)}/polling-day/monitor`),

  sendOfficeMessage: (electionId: string, body: SendOfficeMessageRequest): Promise<{ id: string }> =>
    request<{ id: string }>('POST', `${electionPath(electionId)}/polling-day/messages`, body),

  acknowledgeIncident: (electionId: string, entryId: string): Promise<void> =>
    request<void>('POST', `${electionPath(electionId)}/polling-day/incidents/${encodeURIComponent(entryId)}/acknowledge`),

  savePollingDaySettings: (electionId: string, settings: PollingDaySettings): Promise<PollingDaySettings> =>
    request<PollingDaySettings>('PUT', `${electionPath(electionId)}/polling-day/settings`, settings),

  publishTurnout: (electionId: string, slot: string): Promise<PollingDayMonitor> =>
    request<PollingDayMonitor>('POST', `${electionPath(electionId)}/polling-day/turnout/${encodeURIComponent(slot)}/publish`),

  // The Wahlniederschrift of a district (election-record controller).
  electionRecord: (electionId: string, districtId: string): Promise<ElectionRecord> =>
    request<ElectionRecord>('GET', `${districtPath(electionId, districtId)}/record`),

  saveElectionRecord: (electionId: string, districtId: string, body: SaveElectionRecordRequest): Promise<ElectionRecord> =>
    request<ElectionRecord>('PUT', `${districtPath(electionId, districtId)}/record`, body),

  signElectionRecord: (electionId: string, districtId: string, revision: number): Promise<ElectionRecord> =>
    request<ElectionRecord>('POST', `${districtPath(electionId, districtId)}/record/signatures`, { revision }),

  checkElectionRecord: (electionId: string, districtId: string): Promise<ElectionRecord> =>
    request<ElectionRecord>('POST', `${districtPath(electionId, districtId)}/record/check`),

  electionRecordPdf: (electionId: string, districtId: string) => download('GET', `${districtPath(electionId, districtId)}/record.pdf`),

  recordOverview: (electionId: string): Promise<RecordOverview> => request<RecordOverview>('GET', `${electionPath(electionId)}/records`),
};
