import { AccountSignatureService } from './account-signature.service';
import { AdministrationService } from './administration.service';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetsRepository } from './password-resets.repository';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OfficesController } from './offices.controller';
import { OfficesService } from './offices.service';
import { REALTIME_AUTHENTICATOR } from '../../platform/realtime/realtime-authenticator';
import { SocketAuthenticator } from './socket-authenticator';
import { IDENTITY_ENTITIES } from './identity.entities';
import { OfficesRepository } from './offices.repository';
import { SessionsRepository } from './sessions.repository';
import { SignInLimits } from './sign-in-limits';
import { UsersRepository } from './users.repository';

@Module({
  imports: [TypeOrmModule.forFeature([...IDENTITY_ENTITIES])],
  controllers: [AuthController, OfficesController],
  providers: [
    AuthService,
    OfficesService,
    AdministrationService,
    AccountSignatureService,
    OfficesRepository,
    UsersRepository,
    PasswordResetsRepository,
    PasswordResetService,
    SessionsRepository,
    SignInLimits,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: REALTIME_AUTHENTICATOR, useClass: SocketAuthenticator },
  ],
  exports: [AuthService, OfficesService, AccountSignatureService],
})
export class IdentityModule {}
