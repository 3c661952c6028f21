import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionsModule } from '../elections/elections.module';
import { IdentityModule } from '../identity/identity.module';
import { RollBuildService } from './build/roll-build.service';
import { RollChangesRepository } from './changes/roll-changes.repository';
import { RollChangesService } from './changes/roll-changes.service';
import { RollClosingController } from './closing/roll-closing.controller';
import { RollClosingRepository } from './closing/roll-closing.repository';
import { RollClosingService } from './closing/roll-closing.service';
import { RollDemoSeeder } from './demo/roll-demo.seeder';
import { RegisterImportRepository } from './import/register-import.repository';
import { RegisterUploadStore } from './import/register-upload-store';
import { RegisterImportService } from './import/register-import.service';
import { RegisterImportsController } from './import/register-imports.controller';
import { RollOutputsService } from './outputs/roll-outputs.service';
import { RegisterPullRepository } from './pull/register-pull.repository';
import { RegisterPullService } from './pull/register-pull.service';
import { RegisterPullSourcesController } from './pull/register-pull-sources.controller';
import { RegisterPullsController } from './pull/register-pulls.controller';
import { RollReadService } from './read/roll-read.service';
import { VoterHistoryService } from './read/voter-history.service';
import { VoterSearchService } from './read/voter-search.service';
import { RollController } from './roll.controller';
import { RollService } from './roll.service';
import { RollA3Repository } from './shared/roll-a3.repository';
import { RollAuditRepository } from './shared/roll-audit.repository';
import { RollElectionService } from './shared/roll-election.service';
import { RollEvents } from './shared/roll.events';
import { RollRepository } from './shared/roll.repository';
import { ROLL_ENTITIES } from './roll.entities';

/**
 * The electoral roll (Wählerverzeichnis, DOMAIN.md 1–2): register import (file, pull), build as of
 * the Stichtag, change proposals after it, marks, outputs and the logged voter search. Other modules
 * use RollService; import, build and the demo seeder are exported for the CLI and the demo seed.
 */
import { AddressAssignmentRepository } from './unmatched/address-assignment.repository';
import { AddressAssignmentService } from './unmatched/address-assignment.service';
@Module({
  imports: [TypeOrmModule.forFeature([...ROLL_ENTITIES]), ElectionsModule, IdentityModule],
  controllers: [RegisterImportsController, RegisterPullsController, RegisterPullSourcesController, RollController, RollClosingController],
  providers: [
    RollElectionService,
    RollEvents,
    RollRepository,
    RollAuditRepository,
    RollA3Repository,
    RollClosingRepository,
    RollClosingService,
    RegisterImportRepository,
    RegisterUploadStore,
    RegisterImportService,
    RegisterPullRepository,
    RegisterPullService,
    RollBuildService,
    RollChangesRepository,
    RollChangesService,
    RollReadService,
    VoterSearchService,
    VoterHistoryService,
    RollOutputsService,
    RollService,
    RollDemoSeeder,
    AddressAssignmentRepository,
    AddressAssignmentService,
  ],
  exports: [RollService, RegisterImportService, RegisterPullService, RollBuildService, RollDemoSeeder],
})
export class RollModule {}
