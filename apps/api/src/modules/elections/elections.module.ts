import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { DistrictBoundariesController } from './boundaries/district-boundaries.controller';
import { DistrictBoundariesService } from './boundaries/district-boundaries.service';
import { DistrictMapRepository } from './boundaries/district-map.repository';
import { ElectionsController } from './elections.controller';
import { ElectionsRepository } from './elections.repository';
import { ElectionsService } from './elections.service';
import { SchemasController } from './schemas.controller';
import { ELECTIONS_ENTITIES } from './elections.entities';

/** Election definitions: import, tenancy-checked read, export; the service is the module's API. */
@Module({
  imports: [TypeOrmModule.forFeature([...ELECTIONS_ENTITIES]), IdentityModule, AuditModule],
  controllers: [ElectionsController, SchemasController, DistrictBoundariesController],
  providers: [ElectionsService, ElectionsRepository, DistrictBoundariesService, DistrictMapRepository],
  exports: [ElectionsService, DistrictBoundariesService],
})
export class ElectionsModule {}
