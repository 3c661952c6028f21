import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ELECTIONS_ENTITIES } from '../elections.entities';
import { ElectionReadModelRepository } from './election-read-model.repository';
import { ElectionReadModel } from './election-read-model.service';

/**
 * The election read model: one cache of election definitions for election night, totals,
 * publication, the roll and postal voting. Global (imported once by the app module), so every
 * module reads elections through the same cache.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([...ELECTIONS_ENTITIES])],
  providers: [ElectionReadModelRepository, ElectionReadModel],
  exports: [ElectionReadModel],
})
export class ElectionReadModelModule {}
