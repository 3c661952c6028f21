import { Injectable } from '@nestjs/common';
import type { PollingStation } from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import { AppError } from '../../platform/errors/app-error';
import { ElectionsService } from '../elections/elections.service';
import { RollService } from '../roll/roll.service';
import type { StoredCardRecord } from './entities/polling-card-piece.entity';

/** A voter of the roll as a card prints them, with the roll's stable voter id. */
export type RollCardRecord = { readonly voterId: number; readonly record: StoredCardRecord };

/**
 * The adapter from the roll to the print engine: every active entry of the election's roll (R1.11)
 * with its district and polling station from the election definition (R3.1 items 1–4). Entries
 * removed after an accepted change get no card.
 */
@Injectable()
export class RollCardRecords {
  constructor(
    private readonly elections: ElectionsService,
    private readonly roll: RollService,
  ) {}

  async load(actor: Actor, electionId: string, only?: ReadonlySet<number>): Promise<RollCardRecord[]> {
    const definition = await this.elections.getDefinition(actor, electionId);
    const stations = new Map<string, PollingStation>(definition.pollingStations.map((station) => [station.id, station]));
    const districts = new Map(definition.districts.map((district) => [district.number, district]));
    // District ids of the roll, in their order.
    const rows = await this.roll.districts(electionId);
    const records: RollCardRecord[] = [];
    for (const row of rows) {
      const district = districts.get(row.number);
      if (!district || district.kind !== 'polling') continue;
      const station = stations.get(district.pollingStationId);
      if (!station)
        throw new AppError('CARD_POLLING_STATION_MISSING', `Wahlbezirk ${district.number} hat keinen Wahlraum in der Wahldefinition.`);
      for (const entry of await this.roll.districtEntries(electionId, row.id)) {
        if (entry.status !== 'active' || (only && !only.has(entry.voter_id))) continue;
        records.push({ voterId: entry.voter_id, record: toStoredRecord(entry, district, station) });
      }
    }
    return records;
  }
}

type Entry = Awaited<ReturnType<RollService['districtEntries']>>[number];

function toStoredRecord(entry: Entry, district: { number: string; name: string }, station: PollingStation): StoredCardRecord {
  return {
    voterNumber: entry.voter_number,
    familyName: entry.family_name,
    givenNames: entry.given_names,
    nameLines: [`${entry.given_names} ${entry.family_name}`],
    street: entry.street,
    houseNumber: entry.house_number,
    postalCode: entry.postal_code,
    town: entry.city,
    district: { number: district.number, name: district.name },
    pollingStation: station,
  };
}
