import { TrainingInvitationEntity } from './entities/training-invitation.entity';
import { TrainingEntity } from './entities/training.entity';

export const TRAININGS_ENTITIES = [TrainingEntity, TrainingInvitationEntity] as const;
