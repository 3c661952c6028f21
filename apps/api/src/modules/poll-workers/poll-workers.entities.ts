import { AssignmentEntity } from './entities/assignment.entity';
import { BoardNeedEntity } from './entities/board-need.entity';
import { PollWorkerEntity } from './entities/poll-worker.entity';
import { PoolEntryEntity } from './entities/pool-entry.entity';

export const POLL_WORKERS_ENTITIES = [PollWorkerEntity, PoolEntryEntity, BoardNeedEntity, AssignmentEntity] as const;
