import { Injectable } from '@nestjs/common';
import type { VoterHistory, VoterHistoryEvent } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { Database } from '../../../platform/database/database';
import { RollAuditRepository, type RollAuditRow } from '../shared/roll-audit.repository';
import { actorRef, RollElectionService } from '../shared/roll-election.service';
import { RollRepository } from '../shared/roll.repository';
import { toVoterDto } from './voter-search.service';

const MAX_EVENTS = 200;
const MAX_INT = 2_147_483_647;

/** The German line of one audit row about an entry. */
function labelOf(row: RollAuditRow): string {
  const details = row.details ?? {};
  switch (row.action) {
    case 'postal-vote-marked':
      return `Wahlschein ${String(details['certificateNumber'] ?? '')} vermerkt („W“)`;
    case 'proposal-accepted':
      return 'Änderungsvorschlag angenommen';
    case 'proposal-rejected':
      return 'Änderungsvorschlag abgelehnt';
    case 'voter-lookup':
      return details['historyOf'] !== undefined ? 'Verlauf angesehen' : 'In der Wählersuche angezeigt';
    default:
      return row.action;
  }
}

const toEvent = (row: RollAuditRow): VoterHistoryEvent => ({
  at: row.at.toISOString(),
  actor: row.actor_username,
  action: row.action,
  label: labelOf(row),
  reason: row.reason,
});

/**
 * The history of one roll entry for the office staff: postal-vote marks, decided changes, and every
 * lookup that showed it. Reading it is a lookup too and goes to the roll's audit table first (R8.1).
 */
@Injectable()
export class VoterHistoryService {
  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
    private readonly audit: RollAuditRepository,
  ) {}

  async history(actor: Actor, electionId: string, voterId: number): Promise<VoterHistory> {
    const election = await this.elections.forActor(actor, electionId);
    // Ids are PostgreSQL integers: a larger number names no entry (and must not reach the query).
    const entry = voterId >= 1 && voterId <= MAX_INT ? await this.rolls.entry(this.db, election.id, voterId) : null;
    if (!entry) throw notFound('Der Eintrag im Wählerverzeichnis');
    const { userId, username } = actorRef(actor);
    await this.audit.record(this.db, [
      {
        electionId: election.id,
        actorUserId: userId,
        actorUsername: username,
        action: 'voter-lookup',
        details: { historyOf: voterId, shownVoterIds: [voterId] },
      },
    ]);
    const districts = new Map((await this.elections.pollingDistricts(election.id)).map((d) => [d.id, d]));
    const rows = await this.audit.ofVoter(election.id, voterId, MAX_EVENTS);
    return { voter: toVoterDto(entry, districts.get(entry.district_id)), events: rows.map(toEvent) };
  }
}
