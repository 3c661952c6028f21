import { PollingCardJobEntity } from './entities/polling-card-job.entity';
import { PollingCardLotEntity } from './entities/polling-card-lot.entity';
import { PollingCardPieceEntity } from './entities/polling-card-piece.entity';
import { PollingCardTokenEntity } from './entities/polling-card-token.entity';

export const POLLING_CARDS_ENTITIES = [PollingCardJobEntity, PollingCardPieceEntity, PollingCardLotEntity, PollingCardTokenEntity] as const;
