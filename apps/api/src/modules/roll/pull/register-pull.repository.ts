import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../../platform/database/database';

export type StoredPage = { page_no: number; cursor: string | null; next_cursor: string | null; residents: number };

/** Pages of a pull, each committed on arrival (a failed pull resumes after the last one). */
@Injectable()
export class RegisterPullRepository {
  constructor(private readonly db: Database) {}

  /** The register services the office may pull from (issue 17, finding 8). */
  async sources(officeId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ base_url: string }>(
      'SELECT base_url FROM register_pull_sources WHERE office_id = $1 ORDER BY base_url',
      [officeId],
    );
    return rows.map((row) => row.base_url);
  }

  /** Replaces the office's allowed register services; `tx`: the caller's transaction. */
  async replaceSources(tx: Queryable, officeId: string, baseUrls: readonly string[], username: string): Promise<void> {
    await tx.query('DELETE FROM register_pull_sources WHERE office_id = $1', [officeId]);
    if (baseUrls.length === 0) return;
    await tx.query(
      `INSERT INTO register_pull_sources (office_id, base_url, created_by_username)
       SELECT $1, url, $3 FROM unnest($2::text[]) AS url ON CONFLICT DO NOTHING`,
      [officeId, [...baseUrls], username],
    );
  }

  async lastPage(importId: string): Promise<StoredPage | null> {
    const { rows } = await this.db.query<StoredPage>(
      'SELECT page_no, cursor, next_cursor, residents FROM register_pull_pages WHERE import_id = $1 ORDER BY page_no DESC LIMIT 1',
      [importId],
    );
    return rows[0] ?? null;
  }

  async store(
    importId: string,
    page: { pageNo: number; cursor: string | null; nextCursor: string | null; residents: number; body: string },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO register_pull_pages (import_id, page_no, cursor, next_cursor, residents, body) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (import_id, page_no) DO NOTHING`,
      [importId, page.pageNo, page.cursor, page.nextCursor, page.residents, page.body],
    );
  }

  /** Stored bodies in page order, a few at a time (flat memory). */
  async *bodies(importId: string): AsyncGenerator<{ page_no: number; body: string }> {
    let after = 0;
    for (;;) {
      const { rows } = await this.db.query<{ page_no: number; body: string }>(
        'SELECT page_no, body FROM register_pull_pages WHERE import_id = $1 AND page_no > $2 ORDER BY page_no LIMIT 4',
        [importId, after],
      );
      if (rows.length === 0) return;
      for (const row of rows) yield row;
      after = rows[rows.length - 1]!.page_no;
    }
  }

  async deletePages(db: Queryable, importId: string): Promise<void> {
    await db.query('DELETE FROM register_pull_pages WHERE import_id = $1', [importId]);
  }

  /** Claims a failed, resumable pull for another run; false when it is not (or no longer) resumable. */
  async claimForResume(electionId: string, importId: string): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE register_imports SET status = 'running', resumable = false, message = NULL, finished_at = NULL
       WHERE id = $1 AND election_id = $2 AND source = 'pull' AND status = 'failed' AND resumable`,
      [importId, electionId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** Pages fetched so far, for the office. */
  async saveProgress(importId: string, pages: number, message: string | null): Promise<void> {
    await this.db.query(`UPDATE register_imports SET progress_done = $2, message = $3 WHERE id = $1 AND status = 'running'`, [
      importId,
      pages,
      message,
    ]);
  }
}
