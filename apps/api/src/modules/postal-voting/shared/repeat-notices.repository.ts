import { Injectable } from '@nestjs/common';
import type { PostalApplicationChannel, PostalApplicationState, PostalDeliveryKind } from '@wahl/domain';
import { Database, type Queryable } from '../../../platform/database/database';

export type RepeatNoticeRow = {
  id: string;
  serial: number;
  election_id: string;
  application_id: string;
  voter_id: number;
  channel: PostalApplicationChannel;
  requested_delivery: PostalDeliveryKind;
  with_representative: boolean;
  received_at: Date;
  notified_at: Date | null;
  notified_by_username: string | null;
  /** The earlier application's number, state and dates (for the letter). */
  earlier_serial: number;
  earlier_state: PostalApplicationState;
  earlier_delivery: PostalDeliveryKind;
  earlier_received_at: Date;
  earlier_decided_at: Date | null;
};

export type NewRepeatNotice = {
  readonly electionId: string;
  readonly officeId: string;
  readonly applicationId: string;
  readonly voterId: number;
  readonly channel: PostalApplicationChannel;
  readonly requestedDelivery: PostalDeliveryKind;
  readonly withRepresentative: boolean;
  readonly receivedAt: Date;
};

const SELECT = `SELECT n.id, n.serial, n.election_id, n.application_id, n.voter_id, n.channel, n.requested_delivery, n.with_representative,
    n.received_at, n.notified_at, n.notified_by_username,
    a.serial AS earlier_serial, a.state AS earlier_state, a.delivery AS earlier_delivery, a.received_at AS earlier_received_at,
    a.decided_at AS earlier_decided_at
  FROM postal_repeat_notices n JOIN postal_applications a ON a.id = n.application_id`;

/** All SQL of the repeat notices (a voter to be told of a repeated application by name). */
@Injectable()
export class RepeatNoticesRepository {
  constructor(private readonly db: Database) {}

  /** Stores the notice with a number from the applications' own sequence, so the public answer looks like any other. */
  async insert(db: Queryable, notice: NewRepeatNotice): Promise<{ id: string; serial: number }> {
    const { rows } = await db.query<{ id: string; serial: number }>(
      `INSERT INTO postal_repeat_notices (serial, election_id, office_id, application_id, voter_id, channel, requested_delivery,
         with_representative, received_at)
       VALUES (nextval(pg_get_serial_sequence('postal_applications', 'serial')), $1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING id, serial`,
      [
        notice.electionId,
        notice.officeId,
        notice.applicationId,
        notice.voterId,
        notice.channel,
        notice.requestedDelivery,
        notice.withRepresentative,
        notice.receivedAt,
      ],
    );
    return rows[0]!;
  }

  /** The office's queue: open notices (or all), oldest first, with the total. */
  async list(
    electionId: string,
    filter: { readonly open: boolean; readonly limit: number; readonly offset: number },
  ): Promise<{ total: number; rows: RepeatNoticeRow[] }> {
    const where = `n.election_id = $1${filter.open ? ' AND n.notified_at IS NULL' : ''}`;
    const [count, list] = await Promise.all([
      this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM postal_repeat_notices n WHERE ${where}`, [electionId]),
      this.db.query<RepeatNoticeRow>(`${SELECT} WHERE ${where} ORDER BY n.received_at, n.serial LIMIT $2 OFFSET $3`, [
        electionId,
        filter.limit,
        filter.offset,
      ]),
    ]);
    return { total: count.rows[0]?.total ?? 0, rows: list.rows };
  }

  async byId(electionId: string, id: string): Promise<RepeatNoticeRow | null> {
    const { rows } = await this.db.query<RepeatNoticeRow>(`${SELECT} WHERE n.election_id = $1 AND n.id = $2`, [electionId, id]);
    return rows[0] ?? null;
  }

  /** Marks the voter as told; false when there is no such notice of the election. */
  async markNotified(electionId: string, id: string, username: string): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE postal_repeat_notices SET notified_at = coalesce(notified_at, now()), notified_by_username = coalesce(notified_by_username, $3)
       WHERE election_id = $1 AND id = $2`,
      [electionId, id, username],
    );
    return (result.rowCount ?? 0) > 0;
  }
}
