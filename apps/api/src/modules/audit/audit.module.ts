import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { AuditController } from './audit.controller';
import { AUDIT_ENTITIES } from './audit.entities';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The hash-chained audit log of election night: record in the action's transaction, seal in batches, verify. */
@Module({
  imports: [TypeOrmModule.forFeature([...AUDIT_ENTITIES]), ElectionReadModelModule],
  controllers: [AuditController],
  providers: [AuditRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
