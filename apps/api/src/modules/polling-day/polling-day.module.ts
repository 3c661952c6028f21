import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { PollingDayController, PublicTurnoutController } from './polling-day.controller';
import { POLLING_DAY_ENTITIES } from './polling-day.entities';
import { PollingDayEvents } from './polling-day.events';
import { PollingDayRepository } from './polling-day.repository';
import { PollingDayService } from './polling-day.service';

/**
 * The polling station's day (DOMAIN.md 7): what the board sends from opening to the count
 * (attendance with quorum, opening, turnout at the office's times, incidents), the office's messages
 * with read receipts, the monitor of every station, the published turnout.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...POLLING_DAY_ENTITIES]), ElectionReadModelModule],
  controllers: [PollingDayController, PublicTurnoutController],
  providers: [PollingDayRepository, PollingDayService, PollingDayEvents],
  exports: [PollingDayService],
})
export class PollingDayModule {}
