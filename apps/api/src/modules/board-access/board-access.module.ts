import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { IdentityModule } from '../identity/identity.module';
import { AccessCodesController, BoardSignInController } from './access-codes.controller';
import { AccessCodesService } from './access-codes.service';
import { BoardAccessRepository } from './board-access.repository';
import { BOARD_ACCESS_ENTITIES } from './board-access.entities';

/** Board access (DOMAIN.md 4): access codes for the polling-station boards and their sign-in. */
@Module({
  imports: [TypeOrmModule.forFeature([...BOARD_ACCESS_ENTITIES]), ElectionReadModelModule, AuditModule, IdentityModule],
  controllers: [BoardSignInController, AccessCodesController],
  providers: [BoardAccessRepository, AccessCodesService],
  exports: [AccessCodesService],
})
export class BoardAccessModule {}
