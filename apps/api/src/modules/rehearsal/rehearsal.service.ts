import { Injectable } from '@nestjs/common';
import type { RehearsalReset, ResultsPhase, ResultsPhaseState } from '@wahl/contracts';
import type { Actor } from '../../platform/auth/roles';
import { AppError } from '../../platform/errors/app-error';
import type { AuditEvent } from '../audit/audit-chain';
import { auditActor, AuditService } from '../audit/audit.service';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { PublisherService } from '../publication/publisher/publisher.service';
import { RehearsalRepository } from './rehearsal.repository';

const event = (actor: Actor, action: string, oldValue: unknown, newValue: unknown): AuditEvent => ({
  at: new Date().toISOString(),
  actor: auditActor(actor),
  action,
  districtId: null,
  version: null,
  oldValue,
  newValue,
  reason: null,
});

/**
 * Rehearsal mode (Probe): an election runs a test night whose public output is watermarked, is reset
 * as often as needed, and never mixes with the real night: the phase changes only while no result is
 * stored, and only a rehearsal can be reset. Switch and reset are recorded in the audit chain; the
 * publisher then reads the election again, so every page, file and webhook follows at once.
 */
@Injectable()
export class RehearsalService {
  constructor(
    private readonly repository: RehearsalRepository,
    private readonly elections: ElectionReadModel,
    private readonly publisher: PublisherService,
    private readonly audit: AuditService,
  ) {}

  async state(actor: Actor, electionId: string): Promise<ResultsPhaseState> {
    await this.elections.forActor(actor, electionId);
    const [phase, storedResults] = await Promise.all([this.repository.phase(electionId), this.repository.storedResults(electionId)]);
    return { electionId, phase, storedResults };
  }

  async setPhase(actor: Actor, electionId: string, phase: ResultsPhase): Promise<ResultsPhaseState> {
    await this.elections.forActor(actor, electionId);
    const changed = await this.repository.transaction(async (tx) => {
      const current = await this.repository.lockPhase(tx, electionId);
      if (current === phase) return false;
      if ((await this.repository.storedResults(electionId, tx)) > 0) throw new AppError('RESULTS_PHASE_NOT_EMPTY');
      await this.repository.setPhase(tx, electionId, phase);
      await this.audit.record(tx, electionId, [event(actor, 'results.phase-changed', { phase: current }, { phase })]);
      return true;
    });
    if (changed) await this.republish(electionId);
    return this.state(actor, electionId);
  }

  async reset(actor: Actor, electionId: string): Promise<RehearsalReset> {
    await this.elections.forActor(actor, electionId);
    const resetAt = new Date().toISOString();
    const deleted = await this.repository.transaction(async (tx) => {
      if ((await this.repository.lockPhase(tx, electionId)) !== 'rehearsal') throw new AppError('REHEARSAL_NOT_ACTIVE');
      const counts = await this.repository.reset(tx, electionId);
      await this.audit.record(tx, electionId, [event(actor, 'rehearsal.reset', null, counts)]);
      return counts;
    });
    await this.republish(electionId);
    return { electionId, resetAt, deleted };
  }

  private async republish(electionId: string): Promise<void> {
    this.audit.scheduleSeal(electionId);
    await this.publisher.reload(electionId);
  }
}
