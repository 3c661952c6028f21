import { Injectable } from '@nestjs/common';
import type { PostalDayFigures } from '@wahl/contracts';
import { Database } from '../../../platform/database/database';

type DayRow = {
  day: string;
  received: number;
  rejected: number;
  invalidated: number;
  online: number;
  paper: number;
  representative: number;
  counter: number;
};

/** Per calendar day without A3, which the roll keeps (`RollService.a3IssuedPerDay`). */
export type StoredDayFigures = Omit<PostalDayFigures, 'certificatesIssued' | 'issuedByChannel'> & {
  readonly issuedByChannel: Omit<PostalDayFigures['issuedByChannel'], 'a3'>;
};

/** The Briefwahlstelle's counts per calendar day; days are the office's (Europe/Berlin), not UTC. */
@Injectable()
export class PostalFiguresRepository {
  constructor(private readonly db: Database) {}

  async perDay(electionId: string): Promise<StoredDayFigures[]> {
    // An issued certificate (replacements too) counts under its application's way in: a representative
    // first, then online, then the counter (entered by the office for collection in person), else paper.
    const { rows } = await this.db.query<DayRow>(
      `WITH events AS (
         SELECT (received_at AT TIME ZONE 'Europe/Berlin')::date AS day, 1 AS received, 0 AS rejected, 0 AS invalidated,
           NULL::text AS channel
           FROM postal_applications WHERE election_id = $1
         UNION ALL
         SELECT (decided_at AT TIME ZONE 'Europe/Berlin')::date, 0, 1, 0, NULL
           FROM postal_applications WHERE election_id = $1 AND state = 'rejected' AND decided_at IS NOT NULL
         UNION ALL
         SELECT (c.issued_at AT TIME ZONE 'Europe/Berlin')::date, 0, 0, 0,
           CASE WHEN a.representative IS NOT NULL THEN 'representative'
                WHEN a.channel IN ('online-link', 'online-form') THEN 'online'
                WHEN a.delivery = 'collection' THEN 'counter'
                ELSE 'paper' END
           FROM postal_certificates c JOIN postal_applications a ON a.id = c.application_id WHERE c.election_id = $1
         UNION ALL
         SELECT (invalidated_at AT TIME ZONE 'Europe/Berlin')::date, 0, 0, 1, NULL
           FROM postal_certificates WHERE election_id = $1 AND invalidated_at IS NOT NULL
       )
       SELECT day::text AS day, sum(received)::int AS received, sum(rejected)::int AS rejected, sum(invalidated)::int AS invalidated,
         count(*) FILTER (WHERE channel = 'online')::int AS online, count(*) FILTER (WHERE channel = 'paper')::int AS paper,
         count(*) FILTER (WHERE channel = 'representative')::int AS representative,
         count(*) FILTER (WHERE channel = 'counter')::int AS counter
       FROM events GROUP BY day ORDER BY day DESC`,
      [electionId],
    );
    return rows.map((r) => ({
      day: r.day,
      applicationsReceived: r.received,
      applicationsRejected: r.rejected,
      issuedByChannel: { online: r.online, paper: r.paper, representative: r.representative, counter: r.counter },
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
