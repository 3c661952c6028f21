import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins: a record of who was guessed at from where (the limits themselves count in rate_limits). */
@Entity({ name: 'login_failures' })
@Index(['username', 'at'])
@Index(['address', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  address!: string;

  /** Whether the browser was a known device of the account (its device cookie). */
  @Column({ name: 'known_device', type: 'boolean', default: false })
  knownDevice!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
