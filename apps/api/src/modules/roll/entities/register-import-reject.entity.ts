import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A problem of a row left out by an import with `skipInvalid`, for the downloadable report. */
@Entity({ name: 'register_import_rejects' })
export class RegisterImportRejectEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo!: number;

  @Column({ name: 'column_name', type: 'text', nullable: true })
  columnName!: string | null;

  @Column({ type: 'text' })
  value!: string;

  @Column({ type: 'text' })
  reason!: string;
}
