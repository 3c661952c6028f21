import { Injectable } from '@nestjs/common';
import type { ChangeDecision, ChangeDecisionResult } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { AppError } from '../../../platform/errors/app-error';
import { germanDate } from '../build/roll-build.service';
import type { ChangeProposalKind, ChangeProposalStatus } from '../entities/roll-change-proposal.entity';
import { RollAuditRepository } from '../shared/roll-audit.repository';
import { Database, type Tx } from '../../../platform/database/database';
import { actorRef, RollElectionService, todayInGermany, type RollElection } from '../shared/roll-election.service';
import { RollEvents } from '../shared/roll.events';
import { RollRepository } from '../shared/roll.repository';
import { RollChangesRepository, type ProposalRow } from './roll-changes.repository';

export const CHANGE_PROPOSAL_LABELS: Readonly<Record<ChangeProposalKind, string>> = {
  'moved-away': 'Weggezogen (nicht mehr mit Hauptwohnung hier oder in einen anderen Wahlbezirk umgezogen)',
  'moved-in': 'Zugezogen (von Amts wegen einzutragen, bisher nicht im Verzeichnis)',
  died: 'Verstorben (nicht mehr im Melderegister)',
  'name-changed': 'Name geändert',
};

/** The reason (R1.20: legal ground or remark) is recorded with every decision; without `proposalIds` all open ones (of `kind`). */
export type { ChangeDecision };
export type ChangeDecisionOutcome = ChangeDecisionResult;

/**
 * After the Stichtag the roll is frozen (R1.20): a later register import only proposes changes,
 * and a clerk accepts or rejects them one by one or in bulk, each decision in the audit table.
 */
@Injectable()
export class RollChangesService {
  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
    private readonly changes: RollChangesRepository,
    private readonly audit: RollAuditRepository,
    private readonly events: RollEvents,
  ) {}

  /** Inside an import's transaction: proposals when the roll is frozen, else null. */
  async proposeIfFrozen(client: Tx, election: RollElection, importId: string, now: Date = new Date()): Promise<number | null> {
    const roll = await this.rolls.find(client, election.id);
    if (!roll || !this.elections.isFrozen(election, now)) return null;
    // The newest register is the reference: what earlier imports proposed and nobody decided is void.
    await this.changes.supersedeOpen(client, election.id);
    return this.changes.propose(client, election.id, importId);
  }

  async list(
    actor: Actor,
    electionId: string,
    filter: { status?: ChangeProposalStatus; kind?: ChangeProposalKind; limit: number; offset: number },
  ) {
    await this.elections.forActor(actor, electionId);
    return this.changes.list(electionId, filter);
  }

  async decide(actor: Actor, electionId: string, request: ChangeDecision): Promise<ChangeDecisionOutcome> {
    const election = await this.elections.forActor(actor, electionId);
    const reason = request.reason.trim();
    if (!reason)
      throw new AppError('VALIDATION_FAILED', 'Bitte eine Begründung angeben.', [{ path: '$.reason', message: 'Begründung fehlt.' }]);
    const { userId, username } = actorRef(actor);
    const outcome = await this.db.transaction(async (client) => {
      // The roll row serialises decisions, so numbers of additions never collide.
      const roll = await this.rolls.find(client, election.id, true);
      if (!roll) throw new AppError('ROLL_NOT_BUILT', 'Für diese Wahl gibt es noch kein Wählerverzeichnis.');
      // R1.20/R1.21: after closing, only corrections named one by one, each with its documented reason.
      if (roll.closed_at && !request.proposalIds) {
        throw new AppError(
          'ROLL_CLOSED',
          'Das Wählerverzeichnis ist abgeschlossen. Berichtigungen nur noch einzeln mit Begründung, nicht alle offenen Vorschläge auf einmal.',
        );
      }
      const ids = request.proposalIds ? [...new Set(request.proposalIds)] : null;
      const proposals = await this.changes.lockOpen(client, election.id, ids, request.kind ?? null);
      if (ids && proposals.length !== ids.length) {
        const found = new Set(proposals.map((p) => p.id));
        const states = await this.changes.statusOf(
          client,
          election.id,
          ids.filter((id) => !found.has(id)),
        );
        if (states.length < ids.length - proposals.length) throw new AppError('NOT_FOUND', 'Ein Änderungsvorschlag wurde nicht gefunden.');
        throw new AppError(
          'ROLL_PROPOSAL_NOT_OPEN',
          `${states.length === 1 ? 'Ein Vorschlag ist' : `${states.length} Vorschläge sind`} nicht mehr offen (bereits entschieden oder durch einen neueren Import ersetzt).`,
        );
      }
      const decidedIds = proposals.map((p) => p.id);
      let added = 0;
      if (request.decision === 'accept') added = await this.apply(client, election.id, proposals, reason);
      await this.changes.decide(client, decidedIds, request.decision === 'accept' ? 'accepted' : 'rejected', username, reason);
      await this.audit.record(
        client,
        proposals.map((p) => ({
          electionId: election.id,
          actorUserId: userId,
          actorUsername: username,
          action: request.decision === 'accept' ? ('proposal-accepted' as const) : ('proposal-rejected' as const),
          voterId: p.voter_id,
          proposalId: p.id,
          reason,
          details: { kind: p.kind, ...p.details, ...(roll.closed_at ? { afterClosing: true } : {}) },
        })),
      );
      return {
        decided: proposals.length,
        accepted: request.decision === 'accept' ? proposals.length : 0,
        rejected: request.decision === 'reject' ? proposals.length : 0,
        added,
      };
    });
    if (outcome.decided > 0) this.events.rollChanged(election.officeId, { electionId: election.id, reason: 'decision', voters: null });
    return outcome;
  }

  private async apply(client: Tx, electionId: string, proposals: readonly ProposalRow[], reason: string): Promise<number> {
    const remark = `${germanDate(todayInGermany())}: ${reason.replace(/\s+/g, ' ')} –`;
    const ofKind = (...kinds: ChangeProposalKind[]) => proposals.filter((p) => kinds.includes(p.kind)).map((p) => p.id);
    await this.changes.strike(client, electionId, ofKind('died', 'moved-away'), `${remark} `);
    await this.changes.rename(client, electionId, ofKind('name-changed'), `${remark} `);
    // A move within the municipality strikes the old entry and adds one in the new district.
    const movedWithin = proposals.filter((p) => p.kind === 'moved-away' && p.details.after?.districtId).map((p) => p.id);
    return this.changes.add(client, electionId, [...ofKind('moved-in'), ...movedWithin], `${remark} `);
  }
}
