import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

// R8.5 over time (publication-decisions.ts): what has been public, one row per district, so that a
// publication stores only what it adds. `seq` numbers the rows of both tables per election in the
// order they were written (under the election's public_results_state row lock): a process reads
// only the rows after the last one it holds.

/** The columns both record tables share: a district of an election, numbered in write order. */
abstract class PublicRecordRow {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @PrimaryColumn({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ type: 'integer' })
  seq!: number;
}

/** A district whose own result has been public: never a merge partner afterwards. */
@Entity({ name: 'public_released_districts' })
@Index(['electionId', 'seq'])
export class PublicReleasedDistrictEntity extends PublicRecordRow {}

/** A merged pair as published, one row per direction: the pair stays together. */
@Entity({ name: 'public_merged_pairs' })
@Index(['electionId', 'seq'])
export class PublicMergedPairEntity extends PublicRecordRow {
  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;
}
