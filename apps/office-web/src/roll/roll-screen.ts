import type { ChangeDecision, ChangeProposal, ProposalKind, ProposalPerson, RegisterImportStatus, RollSummary } from '../api/roll.types';

// Plain helpers of the roll screen: the progress of an upload, what an import's result says, and a
// change proposal as "before → after" lines. No DOM here, so it is unit-tested.

export type UploadProgress = {
  /** 0–100, or null while the size is unknown. */
  readonly percent: number | null;
  readonly records: number | null;
  readonly recordsPerSecond: number | null;
};

/**
 * The bar follows the bytes the browser has sent (the server reads the file as it arrives); the
 * server's own status – when there is one – adds the records read. The bar never runs backwards and
 * shows 99 % until the server has answered, since the last records are still being written then.
 */
export function uploadProgress(
  sent: number,
  total: number,
  server: RegisterImportStatus | null,
  previous: number | null = null,
): UploadProgress {
  const byBytes = total > 0 ? Math.floor((100 * Math.min(sent, total)) / total) : null;
  const byServer = server?.progress.percent ?? null;
  const candidates = [byBytes, byServer, previous].filter((value): value is number => value !== null);
  const percent = candidates.length ? Math.min(99, Math.max(...candidates)) : null;
  return { percent, records: server?.recordsRead ?? null, recordsPerSecond: server?.progress.recordsPerSecond ?? null };
}

/** Problems found but not listed (the server lists the first 100). */
export const unlistedErrors = (job: Pick<RegisterImportStatus, 'errorCount'> & { readonly errors: readonly unknown[] }): number =>
  Math.max(0, job.errorCount - job.errors.length);

export type ImportOutcome = 'unchanged' | 'imported' | 'imported-with-skips' | 'failed' | 'running';

export function importOutcome(job: RegisterImportStatus): ImportOutcome {
  if (job.status === 'running') return 'running';
  if (job.status === 'failed') return 'failed';
  if (job.unchanged) return 'unchanged';
  return job.rowsRejected > 0 ? 'imported-with-skips' : 'imported';
}

/** How the screen names a district and voter number (translated by the caller). */
export type DistrictLabel = (districtNumber: string, voterNumber: number | null) => string;

const personLine = (person: ProposalPerson | undefined, districtLabel: DistrictLabel): string | null => {
  if (!person) return null;
  const name = [person.familyName, person.givenNames].filter(Boolean).join(', ');
  const district = person.districtNumber ? districtLabel(person.districtNumber, person.voterNumber ?? null) : null;
  return [name, person.birthDate, person.address, district].filter(Boolean).join(' · ') || null;
};

/** "Before" (the roll) and "after" (the register) of a proposal, one line each; null where there is none. */
export function proposalLines(
  proposal: Pick<ChangeProposal, 'details'>,
  districtLabel: DistrictLabel,
): { readonly before: string | null; readonly after: string | null } {
  return { before: personLine(proposal.details.before, districtLabel), after: personLine(proposal.details.after, districtLabel) };
}

/** Ids to decide: the ticked ones that are still open. */
export const selectedOpen = (proposals: readonly Pick<ChangeProposal, 'id' | 'status'>[], ticked: ReadonlySet<string>): string[] =>
  proposals.filter((proposal) => proposal.status === 'open' && ticked.has(proposal.id)).map((proposal) => proposal.id);

/** The words of a progress line, in the screen's language (the caller translates). */
export type ProgressTexts = {
  readonly unknown: string;
  readonly records: (count: number) => string;
  readonly rate: (count: number) => string;
};

/** "42 % · 12.000 records · 3.000 records/s": what is known, in that order. */
export function progressLabel(progress: UploadProgress, texts: ProgressTexts): string {
  return [
    progress.percent === null ? texts.unknown : `${progress.percent} %`,
    progress.records !== null ? texts.records(progress.records) : null,
    progress.recordsPerSecond ? texts.rate(Math.round(progress.recordsPerSecond)) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export type BuildPanelState = {
  readonly disabled: boolean;
  readonly label: 'roll.build' | 'roll.rebuild';
  readonly hint: 'roll.buildFrozen' | 'roll.buildLocked' | 'roll.buildOutdated' | 'roll.buildHint';
};

/** The build button: not once the roll is frozen or its numbers are locked; "rebuild" once built. */
export function buildPanelState(summary: Pick<RollSummary, 'status' | 'numbersLocked' | 'outdated'> | null): BuildPanelState {
  const frozen = summary?.status === 'frozen';
  return {
    disabled: frozen || Boolean(summary?.numbersLocked),
    label: summary?.status === 'not-built' ? 'roll.build' : 'roll.rebuild',
    hint: frozen
      ? 'roll.buildFrozen'
      : summary?.numbersLocked
        ? 'roll.buildLocked'
        : summary?.outdated
          ? 'roll.buildOutdated'
          : 'roll.buildHint',
  };
}

/** The roll's state for its status pill: a built roll older than the last import is outdated. */
export const rollStatusKey = (
  summary: Pick<RollSummary, 'status' | 'outdated'>,
): 'roll.status.outdated' | `roll.status.${RollSummary['status']}` =>
  summary.outdated ? 'roll.status.outdated' : `roll.status.${summary.status}`;

export type DecisionRequest =
  { readonly ok: true; readonly body: ChangeDecision } | { readonly ok: false; readonly problem: 'reason-missing' | 'none-selected' };

/**
 * What a decision sends: the chosen proposals (`ids`), or – with `ids` null – all open ones,
 * optionally of one kind. A reason is required; an empty selection is refused before the call.
 */
export function decisionRequest(
  decision: ChangeDecision['decision'],
  reason: string,
  ids: readonly string[] | null,
  kind: ProposalKind | '',
): DecisionRequest {
  const text = reason.trim();
  if (!text) return { ok: false, problem: 'reason-missing' };
  if (ids && ids.length === 0) return { ok: false, problem: 'none-selected' };
  return {
    ok: true,
    body: ids ? { decision, reason: text, proposalIds: ids } : { decision, reason: text, ...(kind ? { kind } : {}) },
  };
}
