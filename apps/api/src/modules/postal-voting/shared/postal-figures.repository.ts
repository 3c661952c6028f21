import { Injectable } from '@nestjs/common';
import type { PostalDayFigures } from '@wahl/contracts';
import { Database } from '../../../platform/database/database';

type DayRow = {
  day: string;
  received: number;
  rejected: number;
  issued: number;
  invalidated: number;
};

/** The Briefwahlstelle's counts per calendar day; days are the office's (Europe/Berlin), not UTC. */
@Injectable()
export class PostalFiguresRepository {
  constructor(private readonly db: Database) {}

  async perDay(electionId: string): Promise<PostalDayFigures[]> {
    const { rows } = await this.db.query<DayRow>(
      `WITH events AS (
         SELECT (received_at AT TIME ZONE 'Europe/Berlin')::date AS day, 1 AS received, 0 AS rejected, 0 AS issued, 0 AS invalidated
           FROM postal_applications WHERE election_id = $1
         UNION ALL
         SELECT (decided_at AT TIME ZONE 'Europe/Berlin')::date, 0, 1, 0, 0
           FROM postal_applications WHERE election_id = $1 AND state = 'rejected' AND decided_at IS NOT NULL
         UNION ALL
         SELECT (issued_at AT TIME ZONE 'Europe/Berlin')::date, 0, 0, 1, 0 FROM postal_certificates WHERE election_id = $1
         UNION ALL
         SELECT (invalidated_at AT TIME ZONE 'Europe/Berlin')::date, 0, 0, 0, 1
           FROM postal_certificates WHERE election_id = $1 AND invalidated_at IS NOT NULL
       )
       SELECT day::text AS day, sum(received)::int AS received, sum(rejected)::int AS rejected, sum(issued)::int AS issued,
         sum(invalidated)::int AS invalidated
       FROM events GROUP BY day ORDER BY day DESC`,
      [electionId],
    );
    return rows.map((r) => ({
      day: r.day,
      applicationsReceived: r.received,
      applicationsRejected: r.rejected,
      certificatesIssued: r.issued,
      certificatesInvalidated: r.invalidated,
    }));
  }

  async current(electionId: string): Promise<{ open: number; valid: number; invalid: number }> {
    const { rows } = await this.db.query<{ open: number; valid: number; invalid: number }>(
      `SELECT (SELECT count(*)::int FROM postal_applications WHERE election_id = $1 AND state = 'received') AS open,
         (SELECT count(*)::int FROM postal_certificates WHERE election_id = $1 AND status = 'valid') AS valid,
         (SELECT count(*)::int FROM postal_certificates WHERE election_id = $1 AND status = 'invalid') AS invalid`,
      [electionId],
    );
    return rows[0]!;
  }
}
