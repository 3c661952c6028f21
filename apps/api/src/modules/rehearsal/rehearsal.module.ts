import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { PublicationModule } from '../publication/publication.module';
import { RehearsalController } from './rehearsal.controller';
import { RehearsalRepository } from './rehearsal.repository';
import { RehearsalService } from './rehearsal.service';

/** Rehearsal mode (Probe): the results phase of an election and the reset of a rehearsal. */
@Module({
  imports: [ElectionReadModelModule, PublicationModule, AuditModule],
  controllers: [RehearsalController],
  providers: [RehearsalRepository, RehearsalService],
})
export class RehearsalModule {}
