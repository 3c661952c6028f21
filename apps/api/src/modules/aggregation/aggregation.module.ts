import { Module } from '@nestjs/common';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { AggregationRepository } from './aggregation.repository';
import { DistrictStatusService } from './district-status.service';
import { SupraMunicipalTotalsController } from './supra-municipal-totals.controller';
import { SupraMunicipalTotalsService } from './supra-municipal-totals.service';
import { TotalsController } from './totals.controller';
import { TotalsService } from './totals.service';

/**
 * Aggregation (DOMAIN.md P10–P12): the running totals of every election in memory, moved by the
 * quick-report events; the office dashboard's district states; the sums above the municipality.
 */
@Module({
  imports: [ElectionReadModelModule],
  controllers: [TotalsController, SupraMunicipalTotalsController],
  providers: [AggregationRepository, TotalsService, DistrictStatusService, SupraMunicipalTotalsService],
  exports: [TotalsService],
})
export class AggregationModule {}
