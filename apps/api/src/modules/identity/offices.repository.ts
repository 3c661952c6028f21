import { Injectable } from '@nestjs/common';
import type { Office, OfficeLevel } from '@wahl/contracts';
import { Database } from '../../platform/database/database';

const COLUMNS = `id, name, ags, level, parent_id AS "parentId"`;

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
