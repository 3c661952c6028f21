import { Injectable } from '@nestjs/common';
import type { CertificateStatus, InvalidationReason, PostalDeliveryKind } from '@wahl/domain';
import type { PostalStoredAddress, PostalStoredRepresentative } from '@wahl/contracts';
import { advisoryXactLock, Database, type Queryable, type Tx } from '../../../platform/database/database';

export type CertificateRow = {
  id: string;
  election_id: string;
  application_id: string;
  application_serial: number;
  voter_id: number;
  district_id: string;
  sequence: number;
  number: string;
  status: CertificateStatus;
  issued_at: Date;
  issued_by_username: string;
  batch_id: string;
  replaces_id: string | null;
  replaces_number: string | null;
  replaced_by_number: string | null;
  invalidated_at: Date | null;
  invalidated_by_username: string | null;
  invalid_reason: InvalidationReason | null;
  invalid_note: string | null;
  delivery: PostalDeliveryKind;
  delivery_address: PostalStoredAddress | null;
  representative: PostalStoredRepresentative | null;
};

export type BatchRow = {
  batch_id: string;
  started_at: Date;
  ended_at: Date;
  certificates: number;
  issued_by: string;
};

export type NewCertificate = {
  readonly id: string;
  readonly electionId: string;
  readonly officeId: string;
  readonly applicationId: string;
  readonly voterId: number;
  readonly districtId: string;
  readonly sequence: number;
  readonly number: string;
  readonly issuedBy: string;
  readonly batchId: string;
  readonly replacesId: string | null;
};

export type CertificateFilter = {
  readonly status?: CertificateStatus;
  readonly districtId?: string;
  readonly issuedAfter?: Date;
  readonly limit: number;
  readonly offset: number;
};

const SELECT = `SELECT c.id, c.election_id, c.application_id, a.serial AS application_serial, c.voter_id, c.district_id, c.sequence, c.number, c.status,
    c.issued_at, c.issued_by_username, c.batch_id, c.replaces_id, p.number AS replaces_number,
    (SELECT n.number FROM postal_certificates n WHERE n.replaces_id = c.id ORDER BY n.sequence DESC LIMIT 1) AS replaced_by_number,
    c.invalidated_at, c.invalidated_by_username, c.invalid_reason, c.invalid_note, a.delivery, a.delivery_address, a.representative
  FROM postal_certificates c
  JOIN postal_applications a ON a.id = c.application_id
  LEFT JOIN postal_certificates p ON p.id = c.replaces_id`;

/** All SQL of the Wahlscheinverzeichnis (issued and declared-invalid certificates). */
@Injectable()
export class CertificatesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Serialises issuing per election for the rest of the caller's transaction, then gives the next
   * running number: numbers stay gapless and in issuing order.
   */
  async lockNextSequence(tx: Tx, electionId: string): Promise<number> {
    await advisoryXactLock(tx, 'postal-certificates', electionId);
    const { rows } = await tx.query<{ next: number }>(
      'SELECT coalesce(max(sequence), 0)::int + 1 AS next FROM postal_certificates WHERE election_id = $1',
      [electionId],
    );
    return rows[0]!.next;
  }

  async insertMany(db: Queryable, certificates: readonly NewCertificate[]): Promise<void> {
    if (certificates.length === 0) return;
    const column = <K extends keyof NewCertificate>(key: K) => certificates.map((c) => c[key]);
    await db.query(
      `INSERT INTO postal_certificates (id, election_id, office_id, application_id, voter_id, district_id, sequence, number, issued_at, issued_by_username,
         batch_id, replaces_id)
       SELECT id, election_id, office_id, application_id, voter_id, district_id, sequence, number, now(), issued_by, batch_id, replaces_id
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::uuid[], $7::int[], $8::text[], $9::text[], $10::uuid[], $11::uuid[])
         AS t(id, election_id, office_id, application_id, voter_id, district_id, sequence, number, issued_by, batch_id, replaces_id)`,
      [
        column('id'),
        column('electionId'),
        column('officeId'),
        column('applicationId'),
        column('voterId'),
        column('districtId'),
        column('sequence'),
        column('number'),
        column('issuedBy'),
        column('batchId'),
        column('replacesId'),
      ],
    );
  }

  async byId(db: Queryable, electionId: string, id: string, forUpdate = false): Promise<CertificateRow | null> {
    if (forUpdate) await db.query('SELECT id FROM postal_certificates WHERE election_id = $1 AND id = $2 FOR UPDATE', [electionId, id]);
    const { rows } = await db.query<CertificateRow>(`${SELECT} WHERE c.election_id = $1 AND c.id = $2`, [electionId, id]);
    return rows[0] ?? null;
  }

  async byIds(electionId: string, ids: readonly string[]): Promise<CertificateRow[]> {
    const { rows } = await this.db.query<CertificateRow>(
      `${SELECT} WHERE c.election_id = $1 AND c.id = ANY($2::uuid[]) ORDER BY c.sequence`,
      [electionId, ids],
    );
    return rows;
  }

  async byBatch(electionId: string, batchId: string): Promise<CertificateRow[]> {
    const { rows } = await this.db.query<CertificateRow>(`${SELECT} WHERE c.election_id = $1 AND c.batch_id = $2 ORDER BY c.sequence`, [
      electionId,
      batchId,
    ]);
    return rows;
  }

  /** The election's issuing runs with valid certificates, newest first; at most `limit`. */
  async batches(electionId: string, limit: number): Promise<BatchRow[]> {
    const { rows } = await this.db.query<BatchRow>(
      `SELECT batch_id, min(issued_at) AS started_at, max(issued_at) AS ended_at,
         count(*) FILTER (WHERE status = 'valid')::int AS certificates,
         string_agg(DISTINCT issued_by_username, ', ' ORDER BY issued_by_username) AS issued_by
       FROM postal_certificates WHERE election_id = $1
       GROUP BY batch_id HAVING count(*) FILTER (WHERE status = 'valid') > 0
       ORDER BY min(issued_at) DESC, batch_id LIMIT $2`,
      [electionId, limit],
    );
    return rows;
  }

  async invalidate(db: Queryable, id: string, username: string, reason: InvalidationReason, note: string | null): Promise<void> {
    await db.query(
      `UPDATE postal_certificates SET status = 'invalid', invalidated_at = now(), invalidated_by_username = $2, invalid_reason = $3, invalid_note = $4 WHERE id = $1`,
      [id, username, reason, note],
    );
  }

  /** The Wahlscheinverzeichnis in number order, with the filter's total. */
  async list(electionId: string, filter: CertificateFilter): Promise<{ total: number; rows: CertificateRow[] }> {
    const conditions = ['c.election_id = $1'];
    const values: unknown[] = [electionId];
    const add = (sql: string, value: unknown): void => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.status) add('c.status = ?', filter.status);
    if (filter.districtId) add('c.district_id = ?', filter.districtId);
    if (filter.issuedAfter) add('c.issued_at > ?', filter.issuedAfter);
    const where = conditions.join(' AND ');
    const page = values.length;
    const [count, list] = await Promise.all([
      this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM postal_certificates c WHERE ${where}`, values),
      this.db.query<CertificateRow>(`${SELECT} WHERE ${where} ORDER BY c.sequence LIMIT $${page + 1} OFFSET $${page + 2}`, [
        ...values,
        filter.limit,
        filter.offset,
      ]),
    ]);
    return { total: count.rows[0]?.total ?? 0, rows: list.rows };
  }

  /**
   * R1.16: of the district's voters, those whose first certificate was issued after the roll was
   * closed: they had no "W" in the printed roll. (A replacement after closing changes no mark.)
   */
  async firstIssuedAfter(electionId: string, districtId: string, closedAt: Date): Promise<CertificateRow[]> {
    const { rows } = await this.db.query<CertificateRow>(
      `${SELECT} WHERE c.election_id = $1 AND c.district_id = $2 AND c.replaces_id IS NULL AND c.issued_at > $3 ORDER BY c.sequence`,
      [electionId, districtId, closedAt],
    );
    return rows;
  }

  async invalidOfDistrict(electionId: string, districtId: string): Promise<CertificateRow[]> {
    const { rows } = await this.db.query<CertificateRow>(
      `${SELECT} WHERE c.election_id = $1 AND c.district_id = $2 AND c.status = 'invalid' ORDER BY c.sequence`,
      [electionId, districtId],
    );
    return rows;
  }
}
