import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionsModule } from '../elections/elections.module';
import { RollModule } from '../roll/roll.module';
import { PollingCardsController } from './polling-cards.controller';
import { PollingCardJobRepository } from './jobs/polling-card-job.repository';
import { PollingCardsEvents } from './polling-cards.events';
import { PollingCardsService } from './polling-cards.service';
import { RollCardRecords } from './roll-card-records';
import { POLLING_CARDS_ENTITIES } from './polling-cards.entities';

/**
 * Polling cards (Wahlbenachrichtigungen, DOMAIN.md 3): print jobs from the roll, replacement cards,
 * previews. The rendering engine (rendering/) has no Nest in it; this module feeds and drives it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...POLLING_CARDS_ENTITIES]), ElectionsModule, RollModule],
  controllers: [PollingCardsController],
  providers: [PollingCardJobRepository, PollingCardsEvents, RollCardRecords, PollingCardsService],
  exports: [PollingCardsService],
})
export class PollingCardsModule {}
