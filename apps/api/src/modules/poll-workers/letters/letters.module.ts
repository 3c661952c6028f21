import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { BoardAccessModule } from '../../board-access/board-access.module';
import { ElectionReadModelModule } from '../../elections/read-model/election-read-model.module';
import { PollWorkersModule } from '../poll-workers.module';
import { PaymentsModule } from '../payments/payments.module';
import { TrainingsModule } from '../trainings/trainings.module';
import { LettersController } from './letters.controller';
import { LETTERS_ENTITIES } from './letters.entities';
import { LettersRepository } from './letters.repository';
import { LettersService } from './letters.service';

/** Appointment letters of the board members (issue #14): runs on the job queue, personal access codes, replies. */
@Module({
  imports: [
    TypeOrmModule.forFeature([...LETTERS_ENTITIES]),
    ElectionReadModelModule,
    AuditModule,
    BoardAccessModule,
    PollWorkersModule,
    PaymentsModule,
    TrainingsModule,
  ],
  controllers: [LettersController],
  providers: [LettersRepository, LettersService],
})
export class LettersModule {}
