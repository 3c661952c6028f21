import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OfficesController } from './offices.controller';
import { OfficesService } from './offices.service';

@Module({
  controllers: [AuthController, OfficesController],
  providers: [AuthService, OfficesService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, OfficesService],
})
export class IdentityModule {}
