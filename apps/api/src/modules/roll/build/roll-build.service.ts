import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../../../platform/auth/roles';
import { AppError } from '../../../platform/errors/app-error';
import { RegisterImportRepository } from '../import/register-import.repository';
import { RollAuditRepository } from '../shared/roll-audit.repository';
import { Database, tryAdvisoryXactLock } from '../../../platform/database/database';
import { actorRef, RollElectionService, type RollElection } from '../shared/roll-election.service';
import { RollEvents } from '../shared/roll.events';
import { RollRepository } from '../shared/roll.repository';
import { busyElection } from '../import/register-import-session';

export type RollBuildOutcome = {
  readonly electionId: string;
  readonly baseImportId: string;
  readonly residents: number;
  readonly voters: number;
  readonly notEntered: number;
  readonly unassigned: number;
  readonly durationMs: number;
};

/**
 * Builds the roll as of the Stichtag from the current register import (R1.7/R1.8): every entered
 * resident with exactly one polling district, numbered per district in roll order (R1.12). Entry
 * decisions, districts and order keys were derived in the import pass; here it is one sort and one
 * INSERT … SELECT. Before the Stichtag has passed the roll may be rebuilt (new numbers); after it
 * the roll is frozen, and once the cards are printed the numbers are locked (R1.14).
 */
@Injectable()
export class RollBuildService {
  private readonly logger = new Logger(RollBuildService.name);

  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
    private readonly imports: RegisterImportRepository,
    private readonly audit: RollAuditRepository,
    private readonly events: RollEvents,
  ) {}

  async build(actor: Actor, electionId: string, now: Date = new Date()): Promise<RollBuildOutcome> {
    const election = await this.elections.forActor(actor, electionId);
    const started = Date.now();
    const outcome = await this.db.transaction(async (client) => {
      if (!(await tryAdvisoryXactLock(client, 'roll', election.id))) throw busyElection();
      const existing = await this.rolls.find(client, election.id, true);
      if (existing?.numbers_locked) {
        throw new AppError(
          'ROLL_NUMBERS_LOCKED',
          'Die Wählerverzeichnis-Nummern sind gesperrt (Wahlbenachrichtigungen gedruckt); das Verzeichnis wird nicht neu aufgebaut. Änderungen laufen über Änderungsvorschläge.',
        );
      }
      if (existing && this.elections.isFrozen(election, now)) {
        throw new AppError(
          'ROLL_FROZEN',
          `Das Wählerverzeichnis ist seit dem Stichtag (${germanDate(election.cutoffDay)}) eingefroren. Spätere Melderegister-Importe erzeugen Änderungsvorschläge.`,
        );
      }
      if (existing && (await this.rolls.hasMarks(client, election.id))) {
        // A rebuild renumbers everybody; a "W" already given must not get lost or move to someone else.
        throw new AppError(
          'ROLL_HAS_POSTAL_VOTES',
          'Im Wählerverzeichnis sind bereits Wahlscheine vermerkt; es wird nicht neu aufgebaut. Änderungen laufen über Änderungsvorschläge.',
        );
      }
      const current = await this.imports.current(client, election.id);
      if (!current)
        throw new AppError('REGISTER_IMPORT_MISSING', 'Es gibt noch keinen erfolgreichen Import des Melderegisters für diese Wahl.');
      if (existing) await this.rolls.deleteEntries(client, election.id);
      const voters = await this.rolls.copyEntries(client, election.id, current.id);
      const { residents, not_entered: notEntered } = await this.rolls.residentCounts(client, current.id);
      const unassigned = residents - notEntered - voters;
      const { username, userId } = actorRef(actor);
      await this.rolls.saveRoll(client, {
        election_id: election.id,
        office_id: election.officeId,
        base_import_id: current.id,
        cutoff_day: election.cutoffDay,
        built_by_username: username,
        residents,
        voters,
        not_entered: notEntered,
        unassigned,
      });
      await this.audit.record(client, [
        {
          electionId: election.id,
          actorUserId: userId,
          actorUsername: username,
          action: 'roll-built',
          details: { importId: current.id, residents, voters, notEntered, unassigned },
        },
      ]);
      return { electionId: election.id, baseImportId: current.id, residents, voters, notEntered, unassigned, durationMs: 0 };
    });
    const durationMs = Date.now() - started;
    this.logger.log(`roll of election ${election.id} built: ${outcome.voters} voters in ${durationMs} ms`);
    this.events.rollChanged(election.officeId, { electionId: election.id, reason: 'built', voters: outcome.voters });
    return { ...outcome, durationMs };
  }

  /** Whether the election's roll is frozen now (built, and the Stichtag has passed). */
  async isFrozen(election: RollElection, now: Date = new Date()): Promise<boolean> {
    return (await this.rolls.find(this.db, election.id)) !== null && this.elections.isFrozen(election, now);
  }
}

export const germanDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
