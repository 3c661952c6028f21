import { Injectable } from '@nestjs/common';
import type { PublicElectionAbout } from '@wahl/contracts';
import { Database } from '../../../platform/database/database';

/** The one read of the public "about" answer: the election's office with its legal pages, and whether it has a street directory. */
@Injectable()
export class PublicAboutRepository {
  constructor(private readonly database: Database) {}

  async about(electionId: string): Promise<PublicElectionAbout | null> {
    const { rows } = await this.database.query<{
      office_name: string;
      imprint_url: string | null;
      privacy_url: string | null;
      accessibility_url: string | null;
      street_directory: boolean;
    }>(
      `SELECT o.name AS office_name, o.imprint_url, o.privacy_url, o.accessibility_url,
              EXISTS (SELECT 1 FROM streets s WHERE s.election_id = e.id) AS street_directory
         FROM elections e JOIN offices o ON o.id = e.office_id
        WHERE e.id = $1`,
      [electionId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      electionId,
      officeName: row.office_name,
      streetDirectory: row.street_directory,
      links: { imprintUrl: row.imprint_url, privacyUrl: row.privacy_url, accessibilityUrl: row.accessibility_url },
    };
  }
}
