import { CreateDateColumn, Entity, Index, Column, PrimaryGeneratedColumn } from 'typeorm';

/** Who unlocked which account when (an office admin or the provider admin, after strangers blocked it). */
@Entity({ name: 'account_unlocks' })
@Index(['userId', 'at'])
export class AccountUnlockEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'unlocked_by', type: 'uuid' })
  unlockedBy!: string;

  @Column({ name: 'unlocked_by_name', type: 'text' })
  unlockedByName!: string;
}
