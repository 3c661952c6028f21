import { Injectable } from '@nestjs/common';
import type { PostalApplicationChannel, PostalApplicationState, PostalDeliveryKind } from '@wahl/domain';
import type { PostalStoredAddress, PostalStoredRepresentative } from '@wahl/contracts';
import { Database, type Queryable } from '../../../platform/database/database';

export type ApplicationRow = {
  id: string;
  serial: number;
  election_id: string;
  office_id: string;
  voter_id: number;
  district_id: string;
  channel: PostalApplicationChannel;
  state: PostalApplicationState;
  received_at: Date;
  created_at: Date;
  entered_by_username: string | null;
  delivery: PostalDeliveryKind;
  delivery_address: PostalStoredAddress | null;
  representative: PostalStoredRepresentative | null;
  sudden_illness: boolean;
  note: string | null;
  decided_at: Date | null;
  decided_by_username: string | null;
  rejection_reason: string | null;
  has_document: boolean;
  /** The application's valid certificate, else its newest one. */
  certificate_id: string | null;
  certificate_number: string | null;
  certificate_status: 'valid' | 'invalid' | null;
};

export type NewApplication = {
  readonly electionId: string;
  readonly officeId: string;
  readonly voterId: number;
  readonly districtId: string;
  readonly channel: PostalApplicationChannel;
  readonly receivedAt: Date;
  readonly enteredBy: string | null;
  readonly delivery: PostalDeliveryKind;
  readonly deliveryAddress: PostalStoredAddress | null;
  readonly representative: PostalStoredRepresentative | null;
  readonly suddenIllness: boolean;
  readonly note: string | null;
};

export type ApplicationFilter = {
  readonly state?: PostalApplicationState;
  readonly channel?: PostalApplicationChannel;
  readonly delivery?: PostalDeliveryKind;
  readonly districtId?: string;
  readonly representative?: boolean;
  readonly serial?: number;
  readonly voterId?: number;
  readonly limit: number;
  readonly offset: number;
};

const SELECT = `SELECT a.id, a.serial, a.election_id, a.office_id, a.voter_id, a.district_id, a.channel, a.state, a.received_at, a.created_at,
    a.entered_by_username, a.delivery, a.delivery_address, a.representative, a.sudden_illness, a.note, a.decided_at, a.decided_by_username,
    a.rejection_reason, EXISTS (SELECT 1 FROM postal_authority_documents d WHERE d.application_id = a.id) AS has_document,
    c.id AS certificate_id, c.number AS certificate_number, c.status AS certificate_status
  FROM postal_applications a
  LEFT JOIN LATERAL (SELECT id, number, status FROM postal_certificates WHERE application_id = a.id ORDER BY status = 'valid' DESC, sequence DESC LIMIT 1) c ON true`;

/** All SQL of applications and the representatives' authority documents. */
@Injectable()
export class ApplicationsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts and returns id and serial, or null when the voter already has a live application (the
   * partial unique index postal_applications_one_per_voter decides, also between two at once).
   */
  async insertUnlessLive(db: Queryable, a: NewApplication): Promise<{ id: string; serial: number } | null> {
    const { rows } = await db.query<{ id: string; serial: number }>(
      `INSERT INTO postal_applications (election_id, office_id, voter_id, district_id, channel, received_at, entered_by_username, delivery,
         delivery_address, representative, sudden_illness, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (election_id, voter_id) WHERE state <> 'rejected' DO NOTHING RETURNING id, serial`,
      [
        a.electionId,
        a.officeId,
        a.voterId,
        a.districtId,
        a.channel,
        a.receivedAt,
        a.enteredBy,
        a.delivery,
        a.deliveryAddress ? JSON.stringify(a.deliveryAddress) : null,
        a.representative ? JSON.stringify(a.representative) : null,
        a.suddenIllness,
        a.note,
      ],
    );
    return rows[0] ?? null;
  }

  async insertDocument(
    db: Queryable,
    applicationId: string,
    file: { fileName: string; contentType: string; content: Buffer; sha256: string },
  ): Promise<void> {
    await db.query(
      'INSERT INTO postal_authority_documents (application_id, file_name, content_type, content, sha256) VALUES ($1, $2, $3, $4, $5)',
      [applicationId, file.fileName, file.contentType, file.content, file.sha256],
    );
  }

  async document(electionId: string, applicationId: string): Promise<{ file_name: string; content_type: string; content: Buffer } | null> {
    const { rows } = await this.db.query<{ file_name: string; content_type: string; content: Buffer }>(
      `SELECT d.file_name, d.content_type, d.content FROM postal_authority_documents d JOIN postal_applications a ON a.id = d.application_id
       WHERE a.election_id = $1 AND a.id = $2`,
      [electionId, applicationId],
    );
    return rows[0] ?? null;
  }

  /** The voter's application that blocks a new one (received or issued), if any. */
  async liveForVoter(db: Queryable, electionId: string, voterId: number): Promise<ApplicationRow | null> {
    const { rows } = await db.query<ApplicationRow>(`${SELECT} WHERE a.election_id = $1 AND a.voter_id = $2 AND a.state <> 'rejected'`, [
      electionId,
      voterId,
    ]);
    return rows[0] ?? null;
  }

  async byId(db: Queryable, electionId: string, id: string): Promise<ApplicationRow | null> {
    const { rows } = await db.query<ApplicationRow>(`${SELECT} WHERE a.election_id = $1 AND a.id = $2`, [electionId, id]);
    return rows[0] ?? null;
  }

  /** Locks the applications for a decision (issuing, rejecting) in the caller's transaction. */
  async lock(db: Queryable, electionId: string, ids: readonly string[]): Promise<ApplicationRow[]> {
    await db.query('SELECT id FROM postal_applications WHERE election_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE', [
      electionId,
      ids,
    ]);
    const { rows } = await db.query<ApplicationRow>(`${SELECT} WHERE a.election_id = $1 AND a.id = ANY($2::uuid[]) ORDER BY a.serial`, [
      electionId,
      ids,
    ]);
    return rows;
  }

  async decide(
    db: Queryable,
    ids: readonly string[],
    state: PostalApplicationState,
    username: string,
    reason: string | null = null,
  ): Promise<void> {
    await db.query(
      'UPDATE postal_applications SET state = $2, decided_at = now(), decided_by_username = $3, rejection_reason = $4 WHERE id = ANY($1::uuid[])',
      [ids, state, username, reason],
    );
  }

  /** The work queue: oldest first, with the filter's total. */
  async list(electionId: string, filter: ApplicationFilter): Promise<{ total: number; rows: ApplicationRow[] }> {
    const conditions = ['a.election_id = $1'];
    const values: unknown[] = [electionId];
    const add = (sql: string, value: unknown): void => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.state) add('a.state = ?', filter.state);
    if (filter.channel) add('a.channel = ?', filter.channel);
    if (filter.delivery) add('a.delivery = ?', filter.delivery);
    if (filter.districtId) add('a.district_id = ?', filter.districtId);
    if (filter.serial !== undefined) add('a.serial = ?', filter.serial);
    if (filter.voterId !== undefined) add('a.voter_id = ?', filter.voterId);
    if (filter.representative !== undefined)
      conditions.push(filter.representative ? 'a.representative IS NOT NULL' : 'a.representative IS NULL');
    const where = conditions.join(' AND ');
    const page = values.length;
    const [count, list] = await Promise.all([
      this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM postal_applications a WHERE ${where}`, values),
      this.db.query<ApplicationRow>(`${SELECT} WHERE ${where} ORDER BY a.received_at, a.serial LIMIT $${page + 1} OFFSET $${page + 2}`, [
        ...values,
        filter.limit,
        filter.offset,
      ]),
    ]);
    return { total: count.rows[0]?.total ?? 0, rows: list.rows };
  }
}
