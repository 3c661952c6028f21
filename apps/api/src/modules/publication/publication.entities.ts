import { PublicMergedPairEntity, PublicReleasedDistrictEntity } from './entities/public-record.entities';
import { PublicResultsStateEntity } from './entities/public-results-state.entity';
import { PublicationReleaseEntity } from './entities/publication-release.entity';

export const PUBLICATION_ENTITIES = [
  PublicResultsStateEntity,
  PublicationReleaseEntity,
  PublicReleasedDistrictEntity,
  PublicMergedPairEntity,
] as const;
