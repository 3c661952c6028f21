import { LetterRunEntity } from './entities/letter-run.entity';
import { LetterEntity } from './entities/letter.entity';

export const LETTERS_ENTITIES = [LetterRunEntity, LetterEntity] as const;
