import { BoardAccessCodeEntity } from './entities/board-access-code.entity';
import { BoardMemberEntity } from './entities/board-member.entity';

export const BOARD_ACCESS_ENTITIES = [BoardAccessCodeEntity, BoardMemberEntity] as const;
