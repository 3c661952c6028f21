import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/** An access code for one or more districts' boards of one election; only its hash is stored. */
@Entity({ name: 'board_access_codes' })
export class BoardAccessCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Index({ unique: true })
  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ name: 'district_ids', type: 'uuid', array: true })
  districtIds!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;

  @Column({ name: 'sign_ins', type: 'integer', default: 0 })
  signIns!: number;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;
}
