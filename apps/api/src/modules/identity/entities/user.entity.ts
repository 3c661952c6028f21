import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../../platform/auth/roles';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** argon2id hash; the password itself is never stored or logged. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** The person's function (e.g. "Wahlleiterin"), printed with the display name under signatures. */
  @Column({ type: 'text', default: '' })
  function!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'office_id', type: 'uuid', nullable: true })
  officeId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
