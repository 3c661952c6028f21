import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { AssignmentsService } from './assignments.service';
import { BoardRosterController, PollWorkerSignUpController, PollWorkersController } from './poll-workers.controller';
import { POLL_WORKERS_ENTITIES } from './poll-workers.entities';
import { PollWorkersRepository } from './poll-workers.repository';
import { PollWorkersService } from './poll-workers.service';
import { SignUpService } from './sign-up.service';

/** Poll workers (issue #14, DOMAIN.md 7.6): people, eligibility, needs per board, assignment, public sign-up. */
@Module({
  imports: [TypeOrmModule.forFeature([...POLL_WORKERS_ENTITIES]), ElectionReadModelModule],
  controllers: [PollWorkersController, BoardRosterController, PollWorkerSignUpController],
  providers: [PollWorkersRepository, PollWorkersService, AssignmentsService, SignUpService],
  exports: [PollWorkersRepository, PollWorkersService, AssignmentsService],
})
export class PollWorkersModule {}
