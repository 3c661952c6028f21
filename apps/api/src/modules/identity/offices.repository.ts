import { Injectable } from '@nestjs/common';
import type { Office, OfficeLevel, OfficePublicLinks } from '@wahl/contracts';
import { Database, type Queryable } from '../../platform/database/database';

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

  async update(id: string, fields: Pick<Office, 'name' | 'ags' | 'level'>, db: Queryable = this.db): Promise<Office> {
    const { rows } = await db.query<Office>(`UPDATE offices SET name = $2, ags = $3, level = $4 WHERE id = $1 RETURNING ${COLUMNS}`, [
      id,
      fields.name,
      fields.ags,
      fields.level,
    ]);
    return rows[0]!;
  }

  async hasElections(id: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM elections WHERE office_id = $1 LIMIT 1', [id]);
    return rows.length > 0;
  }

  /** The audit record of an administrator's edit of an office (userId null) or of one of its accounts. */
  async recordChange(
    change: {
      readonly officeId: string;
      readonly userId: string | null;
      readonly by: { readonly id: string; readonly name: string };
      readonly before: object;
      readonly after: object;
    },
    db: Queryable = this.db,
  ): Promise<void> {
    await db.query(
      'INSERT INTO administration_changes (office_id, user_id, changed_by, changed_by_name, before, after) VALUES ($1, $2, $3, $4, $5, $6)',
      [change.officeId, change.userId, change.by.id, change.by.name, JSON.stringify(change.before), JSON.stringify(change.after)],
    );
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
