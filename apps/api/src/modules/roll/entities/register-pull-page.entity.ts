import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One page of a pull, stored as soon as it arrived, so that a failed pull resumes after it. */
@Entity({ name: 'register_pull_pages' })
export class RegisterPullPageEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ name: 'page_no', type: 'integer' })
  pageNo!: number;

  /** The cursor this page was fetched with; null for the first page. */
  @Column({ type: 'text', nullable: true })
  cursor!: string | null;

  /** The service's cursor for the next page; null after the last page. */
  @Column({ name: 'next_cursor', type: 'text', nullable: true })
  nextCursor!: string | null;

  @Column({ type: 'integer' })
  residents!: number;

  /** The page's `residents` array as JSON text, exactly as received. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'fetched_at', type: 'timestamptz', default: () => 'now()' })
  fetchedAt!: Date;
}
