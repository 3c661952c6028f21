import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouncilCountController } from './council-count.controller';
import { CouncilCountRepository } from './council-count.repository';
import { CouncilCountService } from './council-count.service';
import { PublicCouncilResultController } from './public-council-result.controller';
import { COUNCIL_COUNT_ENTITIES } from './council-count.entities';

/** Council ballot counting (BW Gemeinderat, DOMAIN.md 5): batch entry by counting teams, seats, final result. */
@Module({
  imports: [TypeOrmModule.forFeature([...COUNCIL_COUNT_ENTITIES])],
  controllers: [CouncilCountController, PublicCouncilResultController],
  providers: [CouncilCountService, CouncilCountRepository],
  exports: [CouncilCountService],
})
export class CouncilCountModule {}
