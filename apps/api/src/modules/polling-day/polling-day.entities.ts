import { ElectionRecordEntity } from './entities/election-record.entity';
import { MessageReadEntity } from './entities/message-read.entity';
import { OfficeMessageEntity } from './entities/office-message.entity';
import { PollingDayEntryEntity } from './entities/polling-day-entry.entity';
import { PollingDaySettingsEntity } from './entities/polling-day-settings.entity';
import { TurnoutPublicationEntity } from './entities/turnout-publication.entity';

export const POLLING_DAY_ENTITIES = [
  PollingDayEntryEntity,
  OfficeMessageEntity,
  MessageReadEntity,
  PollingDaySettingsEntity,
  TurnoutPublicationEntity,
  ElectionRecordEntity,
] as const;
