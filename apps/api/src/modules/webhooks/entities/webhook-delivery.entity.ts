import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/**
 * One announced version to one subscriber: the body as signed (the same bytes on every attempt,
 * public figures only) and how its attempts went, for the office's delivery log.
 */
@Entity({ name: 'webhook_deliveries' })
@Index(['electionId', 'createdAt'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: WebhookSubscriptionEntity;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  body!: string;

  /** 'pending', 'delivered' or 'failed'. */
  @Column({ type: 'text', default: 'pending' })
  state!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_status', type: 'integer', nullable: true })
  lastStatus!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
