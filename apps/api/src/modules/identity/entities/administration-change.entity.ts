import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An edit of an office (user_id null) or of one of its accounts by an administrator: who changed
 * what when, with the fields before and after (names, role, function, active; never a password).
 */
@Entity({ name: 'administration_changes' })
@Index(['officeId', 'at'])
export class AdministrationChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy!: string;

  @Column({ name: 'changed_by_name', type: 'text' })
  changedByName!: string;

  @Column({ type: 'jsonb' })
  before!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  after!: Record<string, unknown>;
}
