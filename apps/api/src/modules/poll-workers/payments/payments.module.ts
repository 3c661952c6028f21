import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { ElectionReadModelModule } from '../../elections/read-model/election-read-model.module';
import { PaymentsController } from './payments.controller';
import { PAYMENTS_ENTITIES } from './payments.entities';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';

/** Refreshment money of the board members (DOMAIN.md R7.19): amounts, accounts, payment list, SEPA file. */
@Module({
  imports: [TypeOrmModule.forFeature([...PAYMENTS_ENTITIES]), ElectionReadModelModule, AuditModule],
  controllers: [PaymentsController],
  providers: [PaymentsRepository, PaymentsService],
  exports: [PaymentsService],
})
export class PaymentsModule {}
