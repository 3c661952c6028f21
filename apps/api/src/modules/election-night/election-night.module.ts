import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { AccessCodesController, BoardSignInController } from './access-codes/access-codes.controller';
import { AccessCodesService } from './access-codes/access-codes.service';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { ElectionNightContextService } from './context/election-night-context.service';
import { ElectionNightEvents } from './election-night.events';
import { ReportsController } from './reports/reports.controller';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { DistrictStatusService } from './totals/district-status.service';
import { TotalsController } from './totals/totals.controller';
import { TotalsService } from './totals/totals.service';
import { SupraMunicipalTotalsController } from './supra-municipal/supra-municipal-totals.controller';
import { SupraMunicipalTotalsService } from './supra-municipal/supra-municipal-totals.service';
import { ELECTION_NIGHT_ENTITIES } from './election-night.entities';

/** Election night (DOMAIN.md 4): board access, quick reports with four eyes, audit chain, live totals. */
@Module({
  imports: [TypeOrmModule.forFeature([...ELECTION_NIGHT_ENTITIES]), IdentityModule],
  controllers: [
    BoardSignInController,
    AccessCodesController,
    ReportsController,
    TotalsController,
    AuditController,
    SupraMunicipalTotalsController,
  ],
  providers: [
    ElectionNightContextService,
    AccessCodesService,
    ReportsRepository,
    ReportsService,
    AuditService,
    TotalsService,
    DistrictStatusService,
    ElectionNightEvents,
    SupraMunicipalTotalsService,
  ],
  exports: [ReportsService, TotalsService, ElectionNightContextService],
})
export class ElectionNightModule {}
