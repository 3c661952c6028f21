import { Injectable } from '@nestjs/common';
import { AppError, notFound } from '../../platform/errors/app-error';
import type { ClosingCountsDto } from './dtos/roll-summary.dto';
import { RollReadService } from './read/roll-read.service';
import { RollAuditRepository } from './shared/roll-audit.repository';
import { RollDatabase } from './shared/roll-database';
import { RollElectionService } from './shared/roll-election.service';
import { RollEvents } from './shared/roll.events';
import { RollRepository, type RollEntryRow } from './shared/roll.repository';

/** Who acts, for the audit entry of a call from another module. */
export type RollCaller = { readonly userId: string | null; readonly username: string };

const SYSTEM: RollCaller = { userId: null, username: 'system' };

/**
 * The roll's API for other modules (the module exports only this service): the postal-vote mark
 * (postal voting), A1/A2 per district (election night), locking the numbers (polling cards).
 * Callers have checked the office already; every write is audited.
 */
@Injectable()
export class RollService {
  constructor(
    private readonly db: RollDatabase,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
    private readonly read: RollReadService,
    private readonly audit: RollAuditRepository,
    private readonly events: RollEvents,
  ) {}

  /**
   * R1.15 (BWO § 30): a Wahlschein was issued → "W" in the voting-mark column; from now on the voter
   * counts in A2. Marking again with another certificate (a replacement) keeps "W" and records it.
   */
  async markPostalVote(electionId: string, voterId: number, certificateNumber: string, caller: RollCaller = SYSTEM): Promise<void> {
    const certificate = certificateNumber.trim();
    if (!certificate) throw new AppError('VALIDATION_FAILED', 'Die Wahlschein-Nummer fehlt.', [{ path: '$.certificateNumber', message: 'Wahlschein-Nummer fehlt.' }]);
    const officeId = await this.elections.officeOf(electionId);
    await this.db.transaction(async (client) => {
      const entry = await this.rolls.entry(client, electionId, voterId, true);
      if (!entry) throw notFound('Der Eintrag im Wählerverzeichnis');
      if (entry.status !== 'active') throw new AppError('CONFLICT', 'Der Eintrag ist gestrichen; ein Wahlschein kann nicht vermerkt werden.');
      await this.rolls.markPostalVote(client, electionId, voterId, certificate);
      await this.audit.record(client, [
        {
          electionId,
          actorUserId: caller.userId,
          actorUsername: caller.username,
          action: 'postal-vote-marked',
          voterId,
          details: { certificateNumber: certificate, previousCertificateNumber: entry.postal_vote_certificate },
        },
      ]);
    });
    this.events.rollChanged(officeId, { electionId, reason: 'postal-vote', voters: null });
  }

  /** R1.21 / P2: A1 (without "W") and A2 (with "W") per polling district, as of now. */
  closingCounts(electionId: string): Promise<ClosingCountsDto> {
    return this.read.closingCountsOf(electionId);
  }

  /** R1.14: the polling cards are printed; numbers never change from now on (no rebuild). */
  async lockNumbers(electionId: string, caller: RollCaller = SYSTEM): Promise<void> {
    const officeId = await this.elections.officeOf(electionId);
    await this.db.transaction(async (client) => {
      if (!(await this.rolls.lockNumbers(client, electionId))) throw new AppError('CONFLICT', 'Für diese Wahl ist noch kein Wählerverzeichnis gebaut.');
      await this.audit.record(client, [{ electionId, actorUserId: caller.userId, actorUsername: caller.username, action: 'numbers-locked' }]);
    });
    this.events.rollChanged(officeId, { electionId, reason: 'numbers-locked', voters: null });
  }

  /** A district's entries in number order (e.g. for the polling cards). */
  districtEntries(electionId: string, districtId: string): Promise<RollEntryRow[]> {
    return this.rolls.entriesOfDistrict(electionId, districtId);
  }

  /** One entry, e.g. to show it before marking a Wahlschein. */
  async entry(electionId: string, voterId: number): Promise<RollEntryRow> {
    const entry = await this.rolls.entry(this.db.pool, electionId, voterId);
    if (!entry) throw notFound('Der Eintrag im Wählerverzeichnis');
    return entry;
  }
}
