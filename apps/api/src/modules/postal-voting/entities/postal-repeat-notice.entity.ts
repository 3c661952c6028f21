import type { PostalApplicationChannel, PostalDeliveryKind } from '@wahl/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';
import { PostalApplicationEntity } from './postal-application.entity';

/**
 * A public application by name for a voter who already has a live application (R3.8). The public
 * answer is the same as for a new application (issue #17, 7: whoever knows name, birth date and
 * street learns nothing of the earlier one); the voter is told by post or e-mail instead. This row is
 * the office's task to do so, shown in its work queue until a clerk marks it done.
 */
@Entity({ name: 'postal_repeat_notices' })
@Index(['electionId', 'notifiedAt', 'receivedAt'])
export class PostalRepeatNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The number the requester was given: drawn from the applications' sequence, so it looks like any other. */
  @Column({ type: 'integer', unique: true })
  serial!: number;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  /** The voter's live application the repeat ran into. */
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => PostalApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: PostalApplicationEntity;

  @Column({ name: 'voter_id', type: 'integer' })
  voterId!: number;

  @Column({ type: 'text' })
  channel!: PostalApplicationChannel;

  /** What the repeat asked for (the letter may mention it); no address of the requester is kept. */
  @Column({ name: 'requested_delivery', type: 'text' })
  requestedDelivery!: PostalDeliveryKind;

  @Column({ name: 'with_representative', type: 'boolean', default: false })
  withRepresentative!: boolean;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;

  @Column({ name: 'notified_by_username', type: 'text', nullable: true })
  notifiedByUsername!: string | null;
}
