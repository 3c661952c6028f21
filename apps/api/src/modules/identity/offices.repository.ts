import { Injectable } from '@nestjs/common';
import type { Office, OfficeLevel, OfficePublicLinks } from '@wahl/contracts';
import { Database } from '../../platform/database/database';

const COLUMNS = `id, name, ags, level, parent_id AS "parentId"`;
const LINK_COLUMNS = `imprint_url AS "imprintUrl", privacy_url AS "privacyUrl", accessibility_url AS "accessibilityUrl"`;

/** All SQL of election offices (Wahlämter). */
@Injectable()
export class OfficesRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<Office[]> {
    const { rows } = await this.db.query<Office>(`SELECT ${COLUMNS} FROM offices ORDER BY name`);
    return rows;
  }

  async byId(id: string): Promise<Office | null> {
    const { rows } = await this.db.query<Office>(`SELECT ${COLUMNS} FROM offices WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async publicLinks(id: string): Promise<OfficePublicLinks | null> {
    const { rows } = await this.db.query<OfficePublicLinks>(`SELECT ${LINK_COLUMNS} FROM offices WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async setPublicLinks(id: string, links: OfficePublicLinks): Promise<OfficePublicLinks> {
    const { rows } = await this.db.query<OfficePublicLinks>(
      `UPDATE offices SET imprint_url = $2, privacy_url = $3, accessibility_url = $4 WHERE id = $1 RETURNING ${LINK_COLUMNS}`,
      [id, links.imprintUrl, links.privacyUrl, links.accessibilityUrl],
    );
    return rows[0]!;
  }

  async exists(by: { readonly id: string } | { readonly ags: string }): Promise<boolean> {
    const { rows } =
      'id' in by
        ? await this.db.query('SELECT 1 FROM offices WHERE id = $1', [by.id])
        : await this.db.query('SELECT 1 FROM offices WHERE ags = $1', [by.ags]);
    return rows.length > 0;
  }

  async insert(office: {
    readonly name: string;
    readonly ags: string;
    readonly level: OfficeLevel;
    readonly parentId: string | null;
  }): Promise<Office> {
    const { rows } = await this.db.query<Office>(
      `INSERT INTO offices (name, ags, level, parent_id) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [office.name, office.ags, office.level, office.parentId],
    );
    return rows[0]!;
  }
}
