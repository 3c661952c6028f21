import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionNightModule } from '../election-night/election-night.module';
import { ElectionsModule } from '../elections/elections.module';
import { PublicElectionsService } from './http/public-elections.service';
import { PublicResultsController } from './http/public-results.controller';
import { PublicResultsFastPath } from './http/public-results.fast-path';
import { PublicLiveGateway } from './live/public-live.gateway';
import { OpenDataController } from './open-data/open-data.controller';
import { OpenDataService } from './open-data/open-data.service';
import { PreviousImportController } from './previous-import/previous-import.controller';
import { PreviousImportService } from './previous-import/previous-import.service';
import { PublicationRepository } from './publisher/publication.repository';
import { PublisherService } from './publisher/publisher.service';
import { PUBLICATION_ENTITIES } from './publication.entities';

/** Public results (issue 6): publisher with versions, live channel, static JSON, open data, previous-election import. */
@Module({
  imports: [TypeOrmModule.forFeature([...PUBLICATION_ENTITIES]), ElectionNightModule, ElectionsModule],
  controllers: [PublicResultsController, OpenDataController, PreviousImportController],
  providers: [
    PublicationRepository,
    PublisherService,
    PublicResultsFastPath,
    PublicLiveGateway,
    PublicElectionsService,
    OpenDataService,
    PreviousImportService,
  ],
  exports: [PublisherService, PublicResultsFastPath],
})
export class PublicationModule {}
