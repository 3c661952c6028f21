import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AggregationModule } from '../aggregation/aggregation.module';
import { CouncilCountModule } from '../council-count/council-count.module';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { ElectionsModule } from '../elections/elections.module';
import { PublicCouncilResultController } from './council/public-council-results.controller';
import { PublicCouncilResultsService } from './council/public-council-results.service';
import { PublicElectionsService } from './http/public-elections.service';
import { PublicMapController } from './http/public-map.controller';
import { PublicResultsController } from './http/public-results.controller';
import { PublicResultsFastPath } from './http/public-results.fast-path';
import { OpenDataController } from './open-data/open-data.controller';
import { OpenDataRepository } from './open-data/open-data.repository';
import { OpenDataService } from './open-data/open-data.service';
import { PreviousImportController } from './previous-import/previous-import.controller';
import { PreviousImportService } from './previous-import/previous-import.service';
import { PublicationRepository } from './publisher/publication.repository';
import { PublisherService } from './publisher/publisher.service';
import { RecentVersions } from './publisher/recent-versions';
import { PUBLICATION_ENTITIES } from './publication.entities';

/**
 * All public output (issue 6, 7): the publisher with versions (fed by the `TotalsChanged` event,
 * announcing `ResultsPublished`), static JSON, open data, council results, previous-election import.
 * The live channel is the public namespace of the realtime gateway.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([...PUBLICATION_ENTITIES]),
    ElectionReadModelModule,
    AggregationModule,
    CouncilCountModule,
    ElectionsModule,
  ],
  controllers: [PublicResultsController, PublicMapController, OpenDataController, PreviousImportController, PublicCouncilResultController],
  providers: [
    PublicationRepository,
    PublisherService,
    // One per application: the budget is per process.
    { provide: RecentVersions, useFactory: () => new RecentVersions() },
    PublicResultsFastPath,
    PublicElectionsService,
    OpenDataService,
    OpenDataRepository,
    PreviousImportService,
    PublicCouncilResultsService,
  ],
  exports: [PublisherService, PublicResultsFastPath],
})
export class PublicationModule {}
