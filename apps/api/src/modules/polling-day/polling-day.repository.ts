import { Injectable } from '@nestjs/common';
import type { DistrictState, PollingDayEntryBody, PollingDaySettings } from '@wahl/contracts';
import { Database } from '../../platform/database/database';

export type EntryRow = {
  readonly id: string;
  readonly districtId: string;
  readonly kind: PollingDayEntryBody['kind'];
  readonly entry: PollingDayEntryBody;
  readonly savedAt: Date;
  readonly receivedAt: Date;
  readonly sentById: string;
  readonly sentByName: string;
  readonly acknowledgedAt: Date | null;
};

export type NewEntry = Omit<EntryRow, 'receivedAt' | 'acknowledgedAt' | 'kind'> & { readonly electionId: string };

export type MessageRow = {
  readonly id: string;
  readonly districtId: string | null;
  readonly text: string;
  readonly sentAt: Date;
  readonly sentByName: string;
};

export type ReadRow = { readonly messageId: string; readonly districtId: string; readonly readAt: Date };

export type SettingsRow = PollingDaySettings;

export type PublicationRow = {
  readonly slot: string;
  readonly voters: number;
  readonly eligible: number | null;
  readonly reportedDistricts: number;
  readonly expectedDistricts: number;
  readonly publishedAt: Date;
  /** The member districts of every version so far (R8.7); stays behind the office's routes. */
  readonly memberVersions: readonly (readonly string[])[];
};

const ENTRY_COLUMNS = `id, district_id AS "districtId", kind, entry, saved_at AS "savedAt", received_at AS "receivedAt",
  sent_by_id AS "sentById", sent_by_name AS "sentByName", acknowledged_at AS "acknowledgedAt"`;
const MESSAGE_COLUMNS = `id, district_id AS "districtId", text, sent_at AS "sentAt", sent_by_name AS "sentByName"`;

/** All SQL of the polling day: the stations' entries, the office's messages and receipts, settings, turnout publications. */
@Injectable()
export class PollingDayRepository {
  constructor(private readonly database: Database) {}

  /** Stores the entry unless its id is known; either way answers the stored row and whether it is new. */
  async insertEntry(entry: NewEntry): Promise<{ row: EntryRow; created: boolean }> {
    const inserted = await this.database.query<EntryRow>(
      `INSERT INTO polling_day_entries (id, election_id, district_id, kind, entry, saved_at, sent_by_id, sent_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO NOTHING
       RETURNING ${ENTRY_COLUMNS}`,
      [entry.id, entry.electionId, entry.districtId, entry.entry.kind, entry.entry, entry.savedAt, entry.sentById, entry.sentByName],
    );
    if (inserted.rows[0]) return { row: inserted.rows[0], created: true };
    const { rows } = await this.database.query<EntryRow & { electionId: string }>(
      `SELECT ${ENTRY_COLUMNS}, election_id AS "electionId" FROM polling_day_entries WHERE id = $1`,
      [entry.id],
    );
    return { row: rows[0]!, created: false };
  }

  async entries(electionId: string, districtId?: string): Promise<EntryRow[]> {
    const { rows } = await this.database.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM polling_day_entries
       WHERE election_id = $1 AND ($2::uuid IS NULL OR district_id = $2)
       ORDER BY received_at, id`,
      [electionId, districtId ?? null],
    );
    return rows;
  }

  /** The office took note of an incident; false when there is no such incident in the election. */
  async acknowledgeIncident(electionId: string, entryId: string): Promise<boolean> {
    const { rowCount } = await this.database.query(
      `UPDATE polling_day_entries SET acknowledged_at = coalesce(acknowledged_at, now())
       WHERE id = $1 AND election_id = $2 AND kind = 'incident'`,
      [entryId, electionId],
    );
    return (rowCount ?? 0) > 0;
  }

  async insertMessage(
    electionId: string,
    message: { id: string; districtId: string | null; text: string; sentByName: string },
  ): Promise<{ row: MessageRow & { electionId: string }; created: boolean }> {
    const inserted = await this.database.query<MessageRow & { electionId: string }>(
      `INSERT INTO polling_day_messages (id, election_id, district_id, text, sent_by_name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING RETURNING ${MESSAGE_COLUMNS}, election_id AS "electionId"`,
      [message.id, electionId, message.districtId, message.text, message.sentByName],
    );
    if (inserted.rows[0]) return { row: inserted.rows[0], created: true };
    const { rows } = await this.database.query<MessageRow & { electionId: string }>(
      `SELECT ${MESSAGE_COLUMNS}, election_id AS "electionId" FROM polling_day_messages WHERE id = $1`,
      [message.id],
    );
    return { row: rows[0]!, created: false };
  }

  /** Newest first; with a district: the messages to it and to all. */
  async messages(electionId: string, districtId?: string): Promise<MessageRow[]> {
    const { rows } = await this.database.query<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM polling_day_messages
       WHERE election_id = $1 AND ($2::uuid IS NULL OR district_id IS NULL OR district_id = $2)
       ORDER BY sent_at DESC, id`,
      [electionId, districtId ?? null],
    );
    return rows;
  }

  async reads(electionId: string): Promise<ReadRow[]> {
    const { rows } = await this.database.query<ReadRow>(
      `SELECT r.message_id AS "messageId", r.district_id AS "districtId", r.read_at AS "readAt"
       FROM polling_day_message_reads r JOIN polling_day_messages m ON m.id = r.message_id
       WHERE m.election_id = $1`,
      [electionId],
    );
    return rows;
  }

  /** The first reading of a station counts; a repeated receipt keeps it. Null when the message is not for the district. */
  async markRead(
    electionId: string,
    messageId: string,
    districtId: string,
    readByName: string,
  ): Promise<{ readAt: Date; created: boolean } | null> {
    return this.database.transaction(async (tx) => {
      const { rows: messages } = await tx.query(
        `SELECT 1 FROM polling_day_messages WHERE id = $1 AND election_id = $2 AND (district_id IS NULL OR district_id = $3)`,
        [messageId, electionId, districtId],
      );
      if (messages.length === 0) return null;
      const inserted = await tx.query<{ readAt: Date }>(
        `INSERT INTO polling_day_message_reads (message_id, district_id, read_at, read_by_name) VALUES ($1, $2, now(), $3)
         ON CONFLICT (message_id, district_id) DO NOTHING RETURNING read_at AS "readAt"`,
        [messageId, districtId, readByName],
      );
      if (inserted.rows[0]) return { readAt: inserted.rows[0].readAt, created: true };
      const { rows } = await tx.query<{ readAt: Date }>(
        `SELECT read_at AS "readAt" FROM polling_day_message_reads WHERE message_id = $1 AND district_id = $2`,
        [messageId, districtId],
      );
      return { readAt: rows[0]!.readAt, created: false };
    });
  }

  async settings(electionId: string): Promise<SettingsRow | null> {
    const { rows } = await this.database.query<SettingsRow>(
      `SELECT turnout_slots AS "turnoutSlots", silent_after_minutes AS "silentAfterMinutes", check_code_required AS "checkCodeRequired",
              previous_turnout AS "previousTurnout"
       FROM polling_day_settings WHERE election_id = $1`,
      [electionId],
    );
    return rows[0] ?? null;
  }

  async saveSettings(electionId: string, settings: SettingsRow): Promise<void> {
    await this.database.query(
      `INSERT INTO polling_day_settings (election_id, turnout_slots, silent_after_minutes, check_code_required, previous_turnout)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (election_id) DO UPDATE SET turnout_slots = EXCLUDED.turnout_slots, silent_after_minutes = EXCLUDED.silent_after_minutes,
         check_code_required = EXCLUDED.check_code_required, previous_turnout = EXCLUDED.previous_turnout`,
      [
        electionId,
        settings.turnoutSlots,
        settings.silentAfterMinutes,
        settings.checkCodeRequired,
        JSON.stringify(settings.previousTurnout),
      ],
    );
  }

  /** Quick-report state per district (the quick-reports module's table; read only). */
  async reportStates(electionId: string): Promise<Map<string, DistrictState>> {
    const { rows } = await this.database.query<{ district_id: string; state: DistrictState }>(
      `SELECT district_id, state FROM election_night_districts WHERE election_id = $1`,
      [electionId],
    );
    return new Map(rows.map((row) => [row.district_id, row.state]));
  }

  async publications(electionId: string): Promise<PublicationRow[]> {
    const { rows } = await this.database.query<PublicationRow>(
      `SELECT slot, voters, eligible, reported_districts AS "reportedDistricts", expected_districts AS "expectedDistricts", published_at AS "publishedAt",
              member_versions AS "memberVersions"
       FROM turnout_publications WHERE election_id = $1 ORDER BY slot`,
      [electionId],
    );
    return rows;
  }

  /**
   * A1 + A2 per district: the active entries of the roll (the roll module's table, read only; R7.12
   * divides the urn voters by it, R8.5 tests a station's size with it). Null while the election has no roll.
   */
  async eligibleByDistrict(electionId: string, districtIds: readonly string[]): Promise<Map<string, number> | null> {
    const { rows } = await this.database.query<{ districtId: string; eligible: number }>(
      `SELECT d AS "districtId",
              (SELECT count(*) FROM roll_entries e WHERE e.election_id = $1 AND e.district_id = d AND e.status = 'active')::int AS eligible
       FROM unnest($2::uuid[]) AS d WHERE EXISTS (SELECT 1 FROM rolls WHERE election_id = $1)`,
      [electionId, districtIds],
    );
    return rows.length === 0 ? null : new Map(rows.map((row) => [row.districtId, row.eligible]));
  }

  /** Wahlscheine issued and still valid in the election (the postal module's table, read only): stated beside the urn turnout. */
  async validCertificates(electionId: string): Promise<number> {
    const { rows } = await this.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM postal_certificates WHERE election_id = $1 AND status = 'valid'`,
      [electionId],
    );
    return rows[0]?.count ?? 0;
  }

  /** Publishing again replaces the figure (late stations reported). */
  async publish(
    electionId: string,
    row: Omit<PublicationRow, 'publishedAt' | 'memberVersions'> & { readonly members: readonly string[] },
    publishedByName: string,
  ): Promise<void> {
    await this.database.query(
      `INSERT INTO turnout_publications (election_id, slot, voters, eligible, reported_districts, expected_districts, published_at, published_by_name, member_versions)
       VALUES ($1, $2, $3, $4, $5, $6, now(), $7, jsonb_build_array($8::jsonb))
       ON CONFLICT (election_id, slot) DO UPDATE SET voters = EXCLUDED.voters, eligible = EXCLUDED.eligible, reported_districts = EXCLUDED.reported_districts,
         expected_districts = EXCLUDED.expected_districts, published_at = EXCLUDED.published_at, published_by_name = EXCLUDED.published_by_name,
         member_versions = turnout_publications.member_versions || EXCLUDED.member_versions`,
      [
        electionId,
        row.slot,
        row.voters,
        row.eligible,
        row.reportedDistricts,
        row.expectedDistricts,
        publishedByName,
        JSON.stringify(row.members),
      ],
    );
  }
}
