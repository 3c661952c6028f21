import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { RetentionController } from './retention.controller';
import { RETENTION_ENTITIES } from './retention.entities';
import { RetentionRepository } from './retention.repository';
import { RetentionSchedule } from './retention.schedule';
import { RetentionService } from './retention.service';

/** Retention (DOMAIN.md R8.4): deletion dates per category, legal holds, runs by hand, CLI and the daily schedule. */
@Module({
  imports: [TypeOrmModule.forFeature([...RETENTION_ENTITIES]), ElectionReadModelModule, AuditModule],
  controllers: [RetentionController],
  providers: [RetentionRepository, RetentionService, RetentionSchedule],
  exports: [RetentionService],
})
export class RetentionModule {}
