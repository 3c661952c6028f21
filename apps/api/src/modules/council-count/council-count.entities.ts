import { CouncilBatchPaperEntity } from './entities/council-batch-paper.entity';
import { CouncilBatchVotesEntity } from './entities/council-batch-votes.entity';
import { CouncilBatchEntity } from './entities/council-batch.entity';
import { CouncilResultDeclarationEntity } from './entities/council-result-declaration.entity';

export const COUNCIL_COUNT_ENTITIES = [
  CouncilBatchEntity,
  CouncilBatchPaperEntity,
  CouncilBatchVotesEntity,
  CouncilResultDeclarationEntity,
] as const;
