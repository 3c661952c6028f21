import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins, counted per account and per address for rate limiting. */
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
