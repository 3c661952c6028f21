import { BoardAccessCodeEntity } from './entities/board-access-code.entity';

export const BOARD_ACCESS_ENTITIES = [BoardAccessCodeEntity] as const;
