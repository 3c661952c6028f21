import { Injectable } from '@nestjs/common';
import type { PasswordResetIssued, RedeemPasswordReset } from '@wahl/contracts';
import * as argon2 from 'argon2';
import { createHash, randomInt } from 'node:crypto';
import type { Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { OfficesService } from './offices.service';
import { PasswordResetsRepository } from './password-resets.repository';
import { SessionsRepository } from './sessions.repository';
import { SignInLimits } from './sign-in-limits';
import { UsersRepository } from './users.repository';

const CODE_HOURS = 24;
// Without 0/O and 1/I/L: the admin reads the code out or writes it down.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

const hashCode = (code: string): string => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');

function newCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * Password reset without e-mail: an office admin makes a one-time code (24 hours, 12 characters of
 * 31, about 59 bits) and hands it to the user, who sets a new password with it. Redeeming counts
 * against the same limits as a sign-in with a password; a wrong code is a recorded failure.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly offices: OfficesService,
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly sessions: SessionsRepository,
    private readonly limits: SignInLimits,
  ) {}

  async issue(actor: Actor, officeId: string, userId: string, now: Date = new Date()): Promise<PasswordResetIssued> {
    await this.offices.get(actor, officeId);
    const user = await this.users.byId(userId);
    if (!user || user.officeId !== officeId) throw notFound('Das Benutzerkonto');
    const code = newCode();
    const expiresAt = new Date(now.getTime() + CODE_HOURS * 3600_000);
    await this.resets.insert({
      userId: user.id,
      codeHash: hashCode(code),
      createdBy: actor.userId,
      createdByName: actor.username,
      expiresAt,
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  async redeem(body: RedeemPasswordReset, address: string): Promise<void> {
    const attempt = await this.limits.reserveAccount(body.username, { address, knownDevice: null });
    const user = await this.users.byUsername(body.username);
    const done = user?.active && (await this.resets.redeem(user.id, hashCode(body.code), await argon2.hash(body.newPassword)));
    if (!done) {
      await this.sessions.recordFailure(body.username, address);
      throw new AppError('INVALID_RESET_CODE', 'Benutzername oder Einmalcode ist falsch, oder der Code ist abgelaufen oder schon benutzt.');
    }
    await attempt.succeeded();
  }
}
