import { AdministrationChangeEntity } from './entities/administration-change.entity';
import { AccountUnlockEntity } from './entities/account-unlock.entity';
import { KnownDeviceEntity } from './entities/known-device.entity';
import { LoginFailureEntity } from './entities/login-attempt.entity';
import { PasswordResetEntity } from './entities/password-reset.entity';
import { OfficeEntity } from './entities/office.entity';
import { SessionEntity } from './entities/session.entity';
import { SignInEntity } from './entities/sign-in.entity';
import { UserEntity } from './entities/user.entity';

export const IDENTITY_ENTITIES = [
  OfficeEntity,
  UserEntity,
  SessionEntity,
  LoginFailureEntity,
  SignInEntity,
  KnownDeviceEntity,
  AccountUnlockEntity,
  PasswordResetEntity,
  AdministrationChangeEntity,
] as const;
