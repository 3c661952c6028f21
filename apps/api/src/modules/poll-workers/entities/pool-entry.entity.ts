import type { Availability, EligibilityState, PollWorkerIneligibilityReason, PollWorkerSource, RefusalGround } from '@wahl/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DistrictEntity } from '../../elections/entities/district.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';
import { PollWorkerEntity } from './poll-worker.entity';

/**
 * A person in the pool of one election: eligibility for that election (its kind sets the rules),
 * availability and wishes, and a refusal of the office with its ground (BWO § 9).
 */
@Entity({ name: 'poll_worker_pool' })
export class PoolEntryEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Index()
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PollWorkerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PollWorkerEntity;

  @Column({ type: 'text' })
  source!: PollWorkerSource;

  @Column({ type: 'text' })
  eligibility!: EligibilityState;

  @Column({ name: 'ineligibility_reason', type: 'text', nullable: true })
  ineligibilityReason!: PollWorkerIneligibilityReason | null;

  /** The district the person lives in (from the register), for "home district or nearby". */
  @Column({ name: 'home_district_id', type: 'uuid', nullable: true })
  homeDistrictId!: string | null;

  @ManyToOne(() => DistrictEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'home_district_id' })
  homeDistrict?: DistrictEntity;

  @Column({ type: 'text' })
  availability!: Availability;

  /** Wish: a district to serve in. */
  @Column({ name: 'wish_district_id', type: 'uuid', nullable: true })
  wishDistrictId!: string | null;

  @ManyToOne(() => DistrictEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'wish_district_id' })
  wishDistrict?: DistrictEntity;

  /** Wish: serve on the same board as this person. */
  @Column({ name: 'wish_colleague_id', type: 'uuid', nullable: true })
  wishColleagueId!: string | null;

  @ManyToOne(() => PollWorkerEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'wish_colleague_id' })
  wishColleague?: PollWorkerEntity;

  /** Wish as written at sign-up ("with my colleague …"), until the office links the person. */
  @Column({ name: 'wish_colleague_name', type: 'text', default: '' })
  wishColleagueName!: string;

  /** Wish: the function the person would like (e.g. only Beisitzer). */
  @Column({ name: 'wish_function', type: 'text', nullable: true })
  wishFunction!: string | null;

  /** Lives outside the municipality and declared to be an eligible voter (checked by declaration). */
  @Column({ name: 'declared_eligible', type: 'boolean', default: false })
  declaredEligible!: boolean;

  @Column({ name: 'refusal_ground', type: 'text', nullable: true })
  refusalGround!: RefusalGround | null;

  /** Whether the office accepted the refusal (BWahlG § 11(1)); NULL while undecided. */
  @Column({ name: 'refusal_accepted', type: 'boolean', nullable: true })
  refusalAccepted!: boolean | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
