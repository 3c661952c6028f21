import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AggregationModule } from '../aggregation/aggregation.module';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { RollModule } from '../roll/roll.module';
import { DistrictStates } from './district-states';
import { QUICK_REPORTS_ENTITIES } from './quick-reports.entities';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/**
 * Quick reports of election night (DOMAIN.md 4): entry with plausibility checks, four eyes,
 * idempotency, report states. After each commit it emits the events of quick-reports.events.ts.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...QUICK_REPORTS_ENTITIES]), ElectionReadModelModule, AggregationModule, RollModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, DistrictStates, ReportsService],
  exports: [ReportsService],
})
export class QuickReportsModule {}
