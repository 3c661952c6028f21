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

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
