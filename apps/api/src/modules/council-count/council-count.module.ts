import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouncilCountController } from './council-count.controller';
import { CouncilCountRepository } from './council-count.repository';
import { CouncilCountService } from './council-count.service';
import { COUNCIL_COUNT_ENTITIES } from './council-count.entities';

/** Council ballot counting (BW Gemeinderat, DOMAIN.md 5): batch entry by counting teams, the tally, seats, final result; publication publishes it. */
@Module({
  imports: [TypeOrmModule.forFeature([...COUNCIL_COUNT_ENTITIES])],
  controllers: [CouncilCountController],
  providers: [CouncilCountService, CouncilCountRepository],
  exports: [CouncilCountService],
})
export class CouncilCountModule {}
