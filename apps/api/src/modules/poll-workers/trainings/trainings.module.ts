import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { POLL_WORKERS_ENTITIES } from '../poll-workers.entities';
import { ElectionReadModelModule } from '../../elections/read-model/election-read-model.module';
import { TrainingsController } from './trainings.controller';
import { TRAININGS_ENTITIES } from './trainings.entities';
import { TrainingsRepository } from './trainings.repository';
import { TrainingsService } from './trainings.service';

/** Trainings of the board members (DOMAIN.md R7.20): sessions, invitations, attendance. */
// The people and seats this module's tables point at (registered here too, so the relations resolve).
@Module({
  imports: [TypeOrmModule.forFeature([...TRAININGS_ENTITIES, ...POLL_WORKERS_ENTITIES]), ElectionReadModelModule],
  controllers: [TrainingsController],
  providers: [TrainingsRepository, TrainingsService],
  exports: [TrainingsService],
})
export class TrainingsModule {}
