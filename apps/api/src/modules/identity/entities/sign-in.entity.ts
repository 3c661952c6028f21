import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A successful sign-in with a password: when, from where and whether the browser was a known device
 * of the account. With the failures (login_failures) it is the sign-in history office admins see.
 */
@Entity({ name: 'sign_ins' })
@Index(['userId', 'at'])
export class SignInEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'known_device', type: 'boolean' })
  knownDevice!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
