import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { CorrectionBody, ReportActionResult, ReportBody, ReportOutcome } from '@wahl/contracts';
import { checkCodeMatches, checkQuickReport, reportCheckCode, type PlausibilityFinding, type QuickReport } from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { TotalsService } from '../aggregation/totals.service';
import type { AuditEvent } from '../audit/audit-chain';
import { auditActor } from '../audit/audit.service';
import type { ElectionNightContext, NightDistrict } from '../elections/read-model/election-night-context';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { DistrictStates } from './district-states';
import type { WarningConfirmation } from './entities/report-version.entity';
import { IdempotencyRace, replay, requestHash } from './idempotency';
import { ReportCorrected, ReportCounted, ReportStateChanged, ReportWithdrawn, type CountedChange } from './quick-reports.events';
import type { FieldDifference } from '@wahl/contracts';
import { acceptFindings, reportDifferences, reportFigures, reportFingerprint, toQuickReport } from './report-input';
import {
  decideApproval,
  decideCheckCode,
  decideCorrection,
  decideRejection,
  decideSubmission,
  notAwaitingCode,
  stateLabel,
  type ReportPerson,
  type TransitionError,
} from './report-states';
import {
  ReportsRepository,
  ReportsTransaction,
  type LockedState,
  type NewVersion,
  type StateUpdate,
  type StoredVersion,
} from './reports.repository';

export type { ReportActionResult, ReportOutcome };

export type WriteResponse = { readonly status: number; readonly body: ReportActionResult; readonly replayed: boolean };

// `refusal`: an action that was recorded (audit) but is answered with an error after the commit.
type Outcome = { status: number; body: ReportActionResult; counted: CountedChange | null; updatedAt: string; refusal?: AppError };

type Idempotent = { readonly actorId: string; readonly key: string; readonly requestHash: string };

export type VersionView = {
  readonly version: number;
  readonly kind: StoredVersion['kind'];
  readonly report: QuickReport;
  readonly warnings: readonly (PlausibilityFinding & { readonly comment: string | null })[];
  readonly reason: string | null;
  readonly enteredBy: { readonly id: string; readonly name: string; readonly role: string };
  readonly enteredAt: string;
};

// The event a change of the counted version is announced with, by the action's outcome.
const countedEventOf = (outcome: ReportOutcome) =>
  outcome === 'corrected' ? ReportCorrected : outcome === 'rejected' ? ReportWithdrawn : ReportCounted;

const AWAITING_CODE =
  'Sie zählt, sobald das Wahlamt den Prüfcode eingegeben hat: Bitte rufen Sie das Wahlamt an und lesen Sie den Prüfcode vor.';

const transitionError = (error: TransitionError): AppError => new AppError(error.code, error.message);

const withComments = (warnings: readonly PlausibilityFinding[], confirmations: readonly WarningConfirmation[]) =>
  warnings.map((warning) => ({
    ...warning,
    comment: confirmations.find((confirmation) => confirmation.rule === warning.rule)?.comment ?? null,
  }));

/**
 * Quick reports of election night (DOMAIN.md 4): entry with plausibility checks, four eyes (approval
 * or blind second entry), rejection and correction by the office. Every action stores a version or a
 * state change, its audit events and – with an Idempotency-Key – its response in one transaction;
 * totals and live events follow after the commit.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly contexts: ElectionReadModel,
    private readonly repository: ReportsRepository,
    private readonly states: DistrictStates,
    private readonly totals: TotalsService,
    private readonly events: EventEmitter2,
  ) {}

  async submit(
    actor: Actor,
    electionId: string,
    districtId: string,
    body: ReportBody,
    options: { idempotencyKey?: string; ifMatch?: string },
  ): Promise<WriteResponse> {
    const { context, district } = await this.contexts.districtForActor(actor, electionId, districtId);
    const expectedVersion = resolveExpectedVersion(body.expectedVersion, options.ifMatch);
    const request = { action: 'submit', electionId, districtId, body, expectedVersion };
    return this.write(actor, context, options.idempotencyKey, request, async (tx, idempotent) => {
      const current = await tx.lockState(electionId, districtId, actor.userId);
      // Plausibility before any decision: a blocked report stores nothing (the transaction is rolled back).
      const checked = this.check(body, district, context, current);
      // The actor as the four-eyes rule sees them for this district (issue #17).
      const person: ReportPerson = { id: actor.userId, ...current.issuance };
      const decision = decideSubmission(current, expectedVersion, person, checked.fingerprint);
      if (!decision.ok) throw transitionError(decision.error);
      const { outcome } = decision;
      const now = new Date().toISOString();
      const version = this.newVersion(actor, context, district, outcome.version, 'entry', checked, null, now);
      // With the second channel (R7.16) a confirmation waits for the office's check code instead of counting.
      const awaitsCode = outcome.kind === 'confirmed' && current.checkCodeRequired;
      const confirmed = outcome.kind === 'confirmed' && !awaitsCode;
      const entered = { version: outcome.version, by: actor.userId, fingerprint: checked.fingerprint, codeIssuedBy: person.codeIssuedBy };
      const state: StateUpdate = {
        state: awaitsCode ? 'awaiting-code' : outcome.kind,
        currentVersion: outcome.version,
        countedVersion: confirmed ? outcome.version : null,
        countedRevision: confirmed ? current.countedRevision + 1 : current.countedRevision,
        pending: confirmed ? [] : awaitsCode ? [entered] : [...current.pending, entered].slice(-10),
        comparedVersion: outcome.kind === 'flagged' ? outcome.comparedWith : null,
        confirmedByName: outcome.kind === 'confirmed' ? actor.username : null,
        rejectionReason: null,
        updatedAt: now,
      };
      // The audit shows both persons of a confirmation (issue #17).
      const matched = outcome.kind === 'confirmed' ? await tx.version(districtId, outcome.matched) : null;
      const audit = this.event(actor, now, 'report.entered', district, outcome.version, stateSnapshot(current), {
        state: state.state,
        ...(outcome.kind === 'confirmed' ? { matchedVersion: outcome.matched, fourEyes: fourEyes(matched, actor) } : {}),
        ...(outcome.kind === 'flagged' ? { comparedWith: outcome.comparedWith } : {}),
        report: checked.report,
        confirmations: checked.confirmations,
      });
      const message =
        outcome.kind === 'entered'
          ? `Version ${outcome.version} für Wahlbezirk ${district.number} ist erfasst. Sie zählt, sobald eine zweite Person sie bestätigt oder die Zahlen erneut erfasst.`
          : outcome.kind === 'confirmed'
            ? awaitsCode
              ? `Die Zahlen stimmen mit Version ${outcome.matched} überein: Wahlbezirk ${district.number} ist bestätigt. ${AWAITING_CODE}`
              : `Die Zahlen stimmen mit Version ${outcome.matched} überein: Wahlbezirk ${district.number} ist bestätigt und zählt.`
            : `Die Zahlen weichen von Version ${outcome.comparedWith} ab: Wahlbezirk ${district.number} ist zur Klärung markiert. Beide Fassungen stehen im Vergleich nebeneinander.`;
      const answer = this.result(
        context,
        district,
        outcome.kind,
        outcome.version,
        state,
        withComments(checked.warnings, checked.confirmations),
        message,
        awaitsCode ? this.codeFor(actor, checked.report, context) : null,
      );
      await this.store(tx, idempotent, { electionId, districtId, version, state, auditEvents: [audit] }, 201, answer, confirmed);
      return {
        status: 201,
        updatedAt: now,
        counted: confirmed ? { districtId, revision: state.countedRevision, next: checked.report } : null,
        body: answer,
      };
    });
  }

  async approve(
    actor: Actor,
    electionId: string,
    districtId: string,
    versionNumber: number,
    options: { idempotencyKey?: string; comment?: string },
  ): Promise<WriteResponse> {
    const { context, district } = await this.contexts.districtForActor(actor, electionId, districtId);
    const request = { action: 'approve', electionId, districtId, version: versionNumber, comment: options.comment ?? null };
    return this.write(actor, context, options.idempotencyKey, request, async (tx, idempotent) => {
      const current = await tx.lockState(electionId, districtId, actor.userId, versionNumber);
      const person: ReportPerson = { id: actor.userId, ...current.issuance };
      const decision = decideApproval(current, versionNumber, person);
      if (!decision.ok) throw transitionError(decision.error);
      const approved = current.versionReport;
      if (!approved) throw notFound(`Version ${versionNumber}`);
      const now = new Date().toISOString();
      // With the second channel (R7.16) the approved version waits for the office's check code instead of counting.
      const awaitsCode = current.checkCodeRequired;
      const waiting = current.pending.filter((pending) => pending.version === versionNumber);
      const counting = countingState(current, versionNumber, actor, now);
      const state: StateUpdate = awaitsCode
        ? { ...counting, state: 'awaiting-code', countedVersion: null, countedRevision: current.countedRevision, pending: waiting }
        : counting;
      const audit = this.event(actor, now, 'report.approved', district, versionNumber, stateSnapshot(current), {
        state: state.state,
        countedVersion: state.countedVersion,
        comment: options.comment ?? null,
        fourEyes: fourEyes(approved, actor),
      });
      const body = this.result(
        context,
        district,
        'approved',
        versionNumber,
        state,
        withComments(approved.warnings, approved.confirmations),
        awaitsCode
          ? `Version ${versionNumber} für Wahlbezirk ${district.number} ist bestätigt. ${AWAITING_CODE}`
          : `Version ${versionNumber} für Wahlbezirk ${district.number} ist bestätigt und zählt.`,
        awaitsCode ? this.codeFor(actor, approved.report, context) : null,
      );
      await this.store(tx, idempotent, { electionId, districtId, version: null, state, auditEvents: [audit] }, 200, body, !awaitsCode);
      return {
        status: 200,
        updatedAt: now,
        counted: awaitsCode ? null : { districtId, revision: state.countedRevision, next: approved.report },
        body,
      };
    });
  }

  async reject(
    actor: Actor,
    electionId: string,
    districtId: string,
    versionNumber: number,
    reason: string,
    options: { idempotencyKey?: string },
  ): Promise<WriteResponse> {
    const { context, district } = await this.contexts.districtForActor(actor, electionId, districtId);
    const request = { action: 'reject', electionId, districtId, version: versionNumber, reason };
    return this.write(actor, context, options.idempotencyKey, request, async (tx, idempotent) => {
      const current = await tx.lockState(electionId, districtId, actor.userId);
      const decision = decideRejection(current, versionNumber);
      if (!decision.ok) throw transitionError(decision.error);
      const wasCounted = current.countedVersion !== null;
      const counted = wasCounted ? await tx.version(districtId, current.countedVersion!) : null;
      const now = new Date().toISOString();
      const state: StateUpdate = {
        state: 'rejected',
        currentVersion: current.currentVersion,
        countedVersion: null,
        countedRevision: wasCounted ? current.countedRevision + 1 : current.countedRevision,
        pending: [],
        comparedVersion: null,
        confirmedByName: null,
        rejectionReason: reason,
        updatedAt: now,
      };
      const audit = this.event(
        actor,
        now,
        'report.rejected',
        district,
        versionNumber,
        { ...stateSnapshot(current), countedReport: counted?.report ?? null },
        { state: 'rejected' },
        reason,
      );
      const body = this.result(
        context,
        district,
        'rejected',
        versionNumber,
        state,
        [],
        `Version ${versionNumber} für Wahlbezirk ${district.number} ist zurückgewiesen${wasCounted ? ' und aus dem Zwischenergebnis genommen' : ''}. Der Wahlvorstand muss neu melden.`,
      );
      await this.store(tx, idempotent, { electionId, districtId, version: null, state, auditEvents: [audit] }, 200, body, wasCounted);
      return {
        status: 200,
        updatedAt: now,
        counted: wasCounted ? { districtId, revision: state.countedRevision, next: null } : null,
        body,
      };
    });
  }

  async correct(
    actor: Actor,
    electionId: string,
    districtId: string,
    body: CorrectionBody,
    options: { idempotencyKey?: string; ifMatch?: string },
  ): Promise<WriteResponse> {
    const { context, district } = await this.contexts.districtForActor(actor, electionId, districtId);
    const expectedVersion = resolveExpectedVersion(body.expectedVersion, options.ifMatch);
    const request = { action: 'correct', electionId, districtId, body, expectedVersion };
    const { reason, ...reportBody } = body;
    return this.write(actor, context, options.idempotencyKey, request, async (tx, idempotent) => {
      const current = await tx.lockState(electionId, districtId, actor.userId);
      const checked = this.check(reportBody, district, context, current);
      const decision = decideCorrection(current, expectedVersion);
      if (!decision.ok) throw transitionError(decision.error);
      const previous = await tx.version(districtId, current.countedVersion!);
      const now = new Date().toISOString();
      const version = this.newVersion(actor, context, district, decision.version, 'correction', checked, reason, now);
      const state: StateUpdate = {
        state: 'corrected',
        currentVersion: decision.version,
        countedVersion: decision.version,
        countedRevision: current.countedRevision + 1,
        pending: [],
        comparedVersion: null,
        confirmedByName: actor.username,
        rejectionReason: null,
        updatedAt: now,
      };
      const audit = this.event(
        actor,
        now,
        'report.corrected',
        district,
        decision.version,
        { ...stateSnapshot(current), report: previous?.report ?? null },
        { state: 'corrected', countedVersion: decision.version, report: checked.report, confirmations: checked.confirmations },
        reason,
      );
      const body = this.result(
        context,
        district,
        'corrected',
        decision.version,
        state,
        withComments(checked.warnings, checked.confirmations),
        `Wahlbezirk ${district.number} ist korrigiert (Version ${decision.version}); die Korrektur zählt sofort.`,
      );
      await this.store(tx, idempotent, { electionId, districtId, version, state, auditEvents: [audit] }, 201, body, true);
      return { status: 201, updatedAt: now, counted: { districtId, revision: state.countedRevision, next: checked.report }, body };
    });
  }

  /**
   * The office enters the check code the board read out by phone (R7.16): a match makes the waiting
   * version count; a mismatch is recorded in the audit log, changes nothing else and is answered with
   * the figures received, so that the clerk can read them back to the board.
   */
  async enterCheckCode(actor: Actor, electionId: string, districtId: string, code: string): Promise<WriteResponse> {
    const { context, district } = await this.contexts.districtForActor(actor, electionId, districtId);
    return this.write(actor, context, undefined, null, async (tx) => {
      const current = await tx.lockState(electionId, districtId, actor.userId);
      const decision = decideCheckCode(current);
      if (!decision.ok) throw transitionError(decision.error);
      // Whoever issued the district's codes could have read the code as a board member: not a second channel.
      if (current.issuance.issuedCodesForDistrict)
        throw new AppError(
          'FOUR_EYES_CODE_ISSUER',
          'Vier-Augen-Prinzip: Wer Zugangscodes für diesen Wahlbezirk erzeugt hat, hätte den Prüfcode selbst als Wahlvorstand sehen können. ' +
            'Den Prüfcode gibt eine andere Person des Wahlamts ein.',
        );
      const waiting = await tx.version(districtId, decision.version);
      if (!waiting) throw notFound(`Version ${decision.version}`);
      const matches = checkCodeMatches(code, waiting.report, context.resultContests);
      if (decision.repeat) return this.repeatedCheckCode(tx, context, district, decision.version, current, matches);
      const now = new Date().toISOString();
      const state = matches ? countingState(current, decision.version, actor, now) : unchangedState(current);
      const action = matches ? 'report.check-code-matched' : 'report.check-code-mismatch';
      const audit = this.event(actor, now, action, district, decision.version, stateSnapshot(current), { state: state.state, code });
      const body = this.result(
        context,
        district,
        'code-confirmed',
        decision.version,
        state,
        [],
        codeConfirmedMessage(decision.version, district),
      );
      await this.store(tx, null, { electionId, districtId, version: null, state, auditEvents: [audit] }, 200, body, matches);
      if (!matches) {
        const refusal = new AppError(
          'REPORT_CHECK_CODE_MISMATCH',
          `Der Prüfcode ${code} passt nicht zu den empfangenen Zahlen von Wahlbezirk ${district.number} (Version ${decision.version}); die Meldung zählt weiter nicht. ` +
            `Bitte lesen Sie dem Wahlvorstand die empfangenen Zahlen vor: ${reportFigures(waiting.report, context)}. ` +
            'Weicht eine Zahl ab, weisen Sie die Meldung zurück, damit der Wahlvorstand neu meldet.',
          [{ path: '$.code', message: 'passt nicht zu den empfangenen Zahlen' }],
        );
        // The dashboards see the state as it was (same time stamp): the clerk's screen keeps the error.
        return { status: 422, updatedAt: state.updatedAt, counted: null, body, refusal };
      }
      return { status: 200, updatedAt: now, counted: { districtId, revision: state.countedRevision, next: waiting.report }, body };
    });
  }

  /**
   * A check code entered again for the version it already made count (the first answer was lost):
   * the right code gets the first success again, changing nothing; any other code is refused as before.
   */
  private async repeatedCheckCode(
    tx: ReportsTransaction,
    context: ElectionNightContext,
    district: NightDistrict,
    version: number,
    current: LockedState,
    matches: boolean,
  ): Promise<Outcome> {
    await tx.close();
    if (!matches) throw transitionError(notAwaitingCode(current.state));
    const state = unchangedState(current);
    const body = this.result(context, district, 'code-confirmed', version, state, [], codeConfirmedMessage(version, district));
    return { status: 200, updatedAt: state.updatedAt, counted: null, body };
  }

  /** The district's state and every version (numbers included). */
  async history(actor: Actor, electionId: string, districtId: string) {
    const { context, district } = await this.contexts.districtForActor(actor, electionId, districtId);
    const [status, versions, codeVersion] = await Promise.all([
      this.repository.state(districtId),
      this.repository.versions(districtId),
      this.repository.awaitingCodeVersion(districtId),
    ]);
    const waiting = versions.find((version) => version.version === codeVersion);
    return {
      electionId,
      districtId,
      districtNumber: district.number,
      districtName: district.name,
      kind: district.kind,
      state: status?.state ?? 'missing',
      stateLabel: stateLabel(status?.state ?? 'missing'),
      currentVersion: status?.currentVersion ?? 0,
      countedVersion: status?.countedVersion ?? null,
      comparedVersion: status?.comparedVersion ?? null,
      rejectionReason: status?.rejectionReason ?? null,
      codeVersion,
      checkCode: waiting ? this.codeFor(actor, waiting.report, context) : null,
      versions: versions.map(toVersionView),
    };
  }

  /** Two versions side by side with the fields that differ; by default the flagged pair or the last two. */
  async compare(actor: Actor, electionId: string, districtId: string, left?: number, right?: number) {
    const { context, district } = await this.contexts.districtForActor(actor, electionId, districtId);
    const [status, versions] = await Promise.all([this.repository.state(districtId), this.repository.versions(districtId)]);
    const current = status?.currentVersion ?? 0;
    const rightVersion = right ?? current;
    const leftVersion =
      left ??
      (status?.state === 'flagged' && status.comparedVersion !== null && right === undefined ? status.comparedVersion : rightVersion - 1);
    const find = (version: number) => versions.find((candidate) => candidate.version === version);
    const a = find(leftVersion);
    const b = find(rightVersion);
    if (!a || !b) throw notFound(`Zum Vergleich nötige Version (${leftVersion} und ${rightVersion})`);
    const differences: FieldDifference[] = reportDifferences(a.report, b.report, context);
    return {
      electionId,
      districtId,
      districtNumber: district.number,
      state: status?.state ?? 'missing',
      left: toVersionView(a),
      right: toVersionView(b),
      identical: differences.length === 0,
      differences,
    };
  }

  // One transaction, one write statement for the change and its stored response; after the commit the
  // totals, the live events and the audit sealer follow. A retry with the same key conflicts with the
  // state its first attempt left (or with the stored key) and then gets the first response.
  // `request` identifies the request for its Idempotency-Key; hashed only when a key came with it.
  private async write(
    actor: Actor,
    context: ElectionNightContext,
    key: string | undefined,
    request: object | null,
    work: (tx: ReportsTransaction, idempotent: Idempotent | null) => Promise<Outcome>,
  ): Promise<WriteResponse> {
    const hash = key ? requestHash(request) : '';
    let outcome: Outcome;
    try {
      await this.states.ready(context.electionId);
      outcome = await this.repository.transaction((tx) => work(tx, key ? { actorId: actor.userId, key, requestHash: hash } : null));
    } catch (error) {
      const stored =
        key && (error instanceof IdempotencyRace || (error instanceof AppError && error.status === 409))
          ? await this.repository.storedResponse(actor.userId, key)
          : null;
      if (stored) return { ...(replay(stored, hash) as { status: number; body: ReportActionResult }), replayed: true };
      if (error instanceof IdempotencyRace)
        throw new AppError(
          'REPORT_REQUEST_IN_PROGRESS',
          'Dieselbe Anfrage wird gerade schon verarbeitet. Bitte versuchen Sie es gleich noch einmal.',
        );
      throw error;
    }
    // Committed: the totals move (synchronously, before the response), then the dashboard and the audit sealer learn of it.
    if (outcome.counted) {
      const Counted = countedEventOf(outcome.body.outcome);
      this.events.emit(Counted.event, new Counted(context, outcome.counted));
    }
    this.events.emit(ReportStateChanged.event, new ReportStateChanged(context, outcome.body, outcome.updatedAt));
    if (outcome.refusal) throw outcome.refusal;
    return { status: outcome.status, body: outcome.body, replayed: false };
  }

  // The change commits only together with its stored response; a key stored meanwhile by a
  // concurrent twin leaves everything unchanged.
  private async store(
    tx: ReportsTransaction,
    idempotent: Idempotent | null,
    change: Omit<Parameters<ReportsTransaction['writeAndCommit']>[0], 'response'>,
    status: number,
    body: ReportActionResult,
    counts: boolean,
  ): Promise<void> {
    // The totals learn of a counting change before it commits, so that a read meanwhile does not
    // take the database's lead for another process's work (see TotalsService).
    if (counts) this.totals.beginCounting(change.electionId);
    let written = false;
    try {
      written = await tx.writeAndCommit({ ...change, response: idempotent ? { ...idempotent, status, body } : null });
    } finally {
      if (counts && !written) this.totals.cancelCounting(change.electionId);
    }
    if (!written) throw new IdempotencyRace();
  }

  private check(body: ReportBody, district: NightDistrict, context: ElectionNightContext, locked: LockedState) {
    const report = toQuickReport(body, district, context);
    // P2 against the closed roll (A1 + A2, BWO § 24); while the roll is open there is nothing to check against.
    const findings = checkQuickReport(report, {
      districtKind: district.kind,
      contests: context.resultContests,
      closingCount: district.kind === 'polling' ? locked.closingCount : null,
      previous: context.previousByArea.get(district.id) ?? [],
    });
    const accepted = acceptFindings(findings, body.confirmations, report, context);
    return { report, fingerprint: reportFingerprint(report), ...accepted };
  }

  private newVersion(
    actor: Actor,
    context: ElectionNightContext,
    district: NightDistrict,
    version: number,
    kind: NewVersion['kind'],
    checked: { report: QuickReport; fingerprint: string; warnings: PlausibilityFinding[]; confirmations: WarningConfirmation[] },
    reason: string | null,
    now: string,
  ): NewVersion {
    return {
      electionId: context.electionId,
      districtId: district.id,
      version,
      kind,
      report: checked.report,
      fingerprint: checked.fingerprint,
      warnings: checked.warnings,
      confirmations: checked.confirmations,
      reason,
      enteredBy: actor.userId,
      enteredByName: actor.username,
      enteredByRole: actor.role,
      enteredAt: now,
    };
  }

  private event(
    actor: Actor,
    at: string,
    action: string,
    district: NightDistrict,
    version: number,
    oldValue: unknown,
    newValue: unknown,
    reason: string | null = null,
  ): AuditEvent {
    return { at, actor: auditActor(actor), action, districtId: district.id, version, oldValue, newValue, reason };
  }

  private result(
    context: ElectionNightContext,
    district: NightDistrict,
    outcome: ReportOutcome,
    version: number,
    state: StateUpdate,
    warnings: ReportActionResult['warnings'],
    message: string,
    checkCode: string | null = null,
  ): ReportActionResult {
    return {
      electionId: context.electionId,
      districtId: district.id,
      districtNumber: district.number,
      outcome,
      version,
      state: state.state,
      currentVersion: state.currentVersion,
      countedVersion: state.countedVersion,
      comparedWith: state.comparedVersion,
      warnings,
      message,
      checkCode,
    };
  }

  /** The check code (R7.16) for the board to read out: only a board member sees it, so the office cannot enter it unheard. */
  private codeFor(actor: Actor, report: QuickReport, context: ElectionNightContext): string | null {
    return actor.role === 'board-member' ? reportCheckCode(report, context.resultContests) : null;
  }
}

/** Both persons of a confirmation, with name and role, for the audit log (issue #17). */
const fourEyes = (entered: StoredVersion | null, confirmer: Actor) => ({
  author: entered ? { id: entered.enteredBy, name: entered.enteredByName, role: entered.enteredByRole } : null,
  confirmer: auditActor(confirmer),
});

/** The state once `version` counts, confirmed by `actor`: by approval or by the matching check code (R7.16). */
const countingState = (current: LockedState, version: number, actor: Actor, now: string): StateUpdate => ({
  state: 'confirmed',
  currentVersion: current.currentVersion,
  countedVersion: version,
  countedRevision: current.countedRevision + 1,
  pending: [],
  comparedVersion: null,
  confirmedByName: actor.username,
  rejectionReason: null,
  updatedAt: now,
});

/** The state as it is (a refused check code changes nothing but its audit entry). */
const unchangedState = (current: LockedState): StateUpdate => ({
  state: current.state,
  currentVersion: current.currentVersion,
  countedVersion: current.countedVersion,
  countedRevision: current.countedRevision,
  pending: current.pending,
  comparedVersion: current.comparedVersion,
  confirmedByName: current.confirmedByName,
  rejectionReason: null,
  updatedAt: (current.updatedAt ?? new Date()).toISOString(),
});

const codeConfirmedMessage = (version: number, district: NightDistrict) =>
  `Der Prüfcode stimmt: Version ${version} für Wahlbezirk ${district.number} ist bestätigt und zählt.`;

const stateSnapshot = (state: LockedState) => ({
  state: state.state,
  currentVersion: state.currentVersion,
  countedVersion: state.countedVersion,
});

function toVersionView(version: StoredVersion): VersionView {
  return {
    version: version.version,
    kind: version.kind,
    report: version.report,
    warnings: withComments(version.warnings, version.confirmations),
    reason: version.reason,
    enteredBy: { id: version.enteredBy, name: version.enteredByName, role: version.enteredByRole },
    enteredAt: version.enteredAt.toISOString(),
  };
}

/** `expectedVersion` from the body or the If-Match header (`"3"`, `W/"3"` or `3`); one of them is required. */
export function resolveExpectedVersion(fromBody: number | undefined, ifMatch: string | undefined): number {
  const fromHeader = ifMatch === undefined || ifMatch === '' ? undefined : Number(ifMatch.replace(/^W\//, '').replace(/"/g, '').trim());
  if (fromHeader !== undefined && (!Number.isInteger(fromHeader) || fromHeader < 0)) {
    throw new AppError('VALIDATION_FAILED', 'If-Match muss die erwartete Versionsnummer enthalten, z. B. "3".', [
      { path: 'header:If-Match', message: 'keine Versionsnummer' },
    ]);
  }
  if (fromBody !== undefined && fromHeader !== undefined && fromBody !== fromHeader) {
    throw new AppError('VALIDATION_FAILED', `expectedVersion (${fromBody}) und If-Match (${fromHeader}) widersprechen sich.`, [
      { path: '$.expectedVersion', message: 'widerspricht If-Match' },
    ]);
  }
  const expected = fromBody ?? fromHeader;
  if (expected === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Bitte geben Sie an, auf welche Version sich die Meldung bezieht (expectedVersion, 0 für die erste Meldung, oder If-Match).',
      [{ path: '$.expectedVersion', message: 'fehlt' }],
    );
  }
  return expected;
}
