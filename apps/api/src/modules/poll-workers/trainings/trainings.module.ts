import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionReadModelModule } from '../../elections/read-model/election-read-model.module';
import { TrainingsController } from './trainings.controller';
import { TRAININGS_ENTITIES } from './trainings.entities';
import { TrainingsRepository } from './trainings.repository';
import { TrainingsService } from './trainings.service';

/** Trainings of the board members (DOMAIN.md R7.20): sessions, invitations, attendance. */
@Module({
  imports: [TypeOrmModule.forFeature([...TRAININGS_ENTITIES]), ElectionReadModelModule],
  controllers: [TrainingsController],
  providers: [TrainingsRepository, TrainingsService],
  exports: [TrainingsService],
})
export class TrainingsModule {}
