import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A browser in which a user has signed in successfully (issue #17, finding 3): its device cookie's
 * SHA-256 and the user. From a known device the right password keeps working while strangers have
 * blocked the account; the device still has its own limit.
 */
@Entity({ name: 'known_devices' })
@Index(['userId'])
export class KnownDeviceEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', default: () => 'now()' })
  lastUsedAt!: Date;
}
