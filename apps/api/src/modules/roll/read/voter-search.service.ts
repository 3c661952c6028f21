import { Injectable } from '@nestjs/common';
import type { RollVoter, VoterSearchRequest, VoterSearchResult } from '@wahl/contracts';
import { parseRegisterDate, primaryCollationKey } from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { AppError } from '../../../platform/errors/app-error';
import { RollAuditRepository } from '../shared/roll-audit.repository';
import { Database } from '../../../platform/database/database';
import { actorRef, RollElectionService, type RollDistrict } from '../shared/roll-election.service';
import { RollRepository, type RollEntryRow } from '../shared/roll.repository';

export type VoterSearchQuery = VoterSearchRequest;

const MAX_RESULTS = 20;

/**
 * Spelling-tolerant name key for the search: DIN 5007-1 primary key (ü = u, ß = ss, accents and
 * case ignored), with the transcriptions ae/oe/ue folded too, so "Mueller" finds "Müller" and back.
 */
export function searchKey(name: string): string {
  return primaryCollationKey(name).replace(/([aou])e/g, '$1');
}

export function toVoterDto(entry: RollEntryRow, district: RollDistrict | undefined): RollVoter {
  return {
    voterId: entry.voter_id,
    districtId: entry.district_id,
    districtNumber: district?.number ?? '',
    districtName: district?.name ?? '',
    voterNumber: entry.voter_number,
    familyName: entry.family_name,
    givenNames: entry.given_names,
    birthDate: entry.birth_date,
    address: `${entry.street} ${entry.house_number}, ${entry.postal_code} ${entry.city}`,
    status: entry.status,
    postalVoteCertificate: entry.postal_vote_certificate,
    informationBlock: entry.information_block,
    remarks: entry.remarks,
  };
}

/**
 * Voter search by name and birth date for the office staff. Every lookup is written to the roll's
 * audit table (who, when, what was asked, which entries were shown); the application log never
 * sees it.
 */
@Injectable()
export class VoterSearchService {
  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
    private readonly audit: RollAuditRepository,
  ) {}

  async search(actor: Actor, electionId: string, query: VoterSearchQuery): Promise<VoterSearchResult> {
    const election = await this.elections.forActor(actor, electionId);
    const birthDate = parseRegisterDate(query.birthDate.trim());
    if (typeof birthDate !== 'string') {
      throw new AppError('VALIDATION_FAILED', 'Das Geburtsdatum ist ungültig.', [{ path: '$.birthDate', message: birthDate.reason }]);
    }
    const family = searchKey(query.familyName);
    if (!family)
      throw new AppError('VALIDATION_FAILED', 'Bitte den Familiennamen angeben.', [
        { path: '$.familyName', message: 'Familienname fehlt.' },
      ]);
    const given = query.givenNames ? searchKey(query.givenNames) : '';
    const matches = (await this.rolls.entriesBornOn(election.id, birthDate)).filter(
      (entry) => searchKey(entry.family_name).startsWith(family) && (!given || searchKey(entry.given_names).startsWith(given)),
    );
    const shown = matches.slice(0, MAX_RESULTS);
    const { userId, username } = actorRef(actor);
    await this.audit.record(this.db, [
      {
        electionId: election.id,
        actorUserId: userId,
        actorUsername: username,
        action: 'voter-lookup',
        details: {
          query: { familyName: query.familyName, givenNames: query.givenNames ?? null, birthDate },
          shownVoterIds: shown.map((e) => e.voter_id),
          matches: matches.length,
        },
      },
    ]);
    const districts = new Map((await this.elections.pollingDistricts(election.id)).map((d) => [d.id, d]));
    return { results: shown.map((entry) => toVoterDto(entry, districts.get(entry.district_id))), truncated: matches.length > shown.length };
  }
}
