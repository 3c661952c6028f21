import { PublicResultsStateEntity } from './entities/public-results-state.entity';

export const PUBLICATION_ENTITIES = [PublicResultsStateEntity] as const;
