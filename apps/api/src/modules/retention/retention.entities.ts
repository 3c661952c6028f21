import { LegalHoldEntity } from './entities/legal-hold.entity';
import { RetentionRunEntity } from './entities/retention-run.entity';

export const RETENTION_ENTITIES = [LegalHoldEntity, RetentionRunEntity] as const;
