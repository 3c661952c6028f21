import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { ElectionRecordController, PublicResultStatusController } from './election-record.controller';
import { ElectionRecordDocument } from './election-record.document';
import { ElectionRecordRepository } from './election-record.repository';
import { ElectionRecordService } from './election-record.service';
import { PollingDayController, PublicTurnoutController } from './polling-day.controller';
import { POLLING_DAY_ENTITIES } from './polling-day.entities';
import { PollingDayEvents } from './polling-day.events';
import { PollingDayRepository } from './polling-day.repository';
import { PollingDayService } from './polling-day.service';

/**
 * The polling station's day (DOMAIN.md 7): what the board sends from opening to the count
 * (attendance with quorum, opening, turnout at the office's times, incidents), the office's messages
 * with read receipts, the monitor of every station, the published turnout, and the board's signed
 * Wahlniederschrift with the result status it gives (Zwischenergebnis → vorläufig → endgültig).
 */
@Module({
  imports: [TypeOrmModule.forFeature([...POLLING_DAY_ENTITIES]), ElectionReadModelModule],
  controllers: [PollingDayController, PublicTurnoutController, ElectionRecordController, PublicResultStatusController],
  providers: [
    PollingDayRepository,
    PollingDayService,
    PollingDayEvents,
    ElectionRecordRepository,
    ElectionRecordService,
    ElectionRecordDocument,
  ],
  exports: [PollingDayService, ElectionRecordService],
})
export class PollingDayModule {}
