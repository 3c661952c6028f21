import { Injectable } from '@nestjs/common';
import type { AccountSignature } from '@wahl/contracts';
import type { Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { UsersRepository } from './users.repository';

/**
 * The name and function with which the signed-in account signs documents (the roll's closing
 * certificate): its display name and function as the office administration keeps them, never typed
 * per document and never the login name.
 */
@Injectable()
export class AccountSignatureService {
  constructor(private readonly users: UsersRepository) {}

  async of(actor: Actor): Promise<AccountSignature> {
    const user = await this.users.byId(actor.userId);
    if (!user) throw notFound('Das Konto');
    return { name: user.displayName, function: user.function };
  }

  /** The signature for a document; refused (German, saying where to set it) while the account has no function. */
  async required(actor: Actor): Promise<AccountSignature> {
    const signature = await this.of(actor);
    if (!signature.function.trim()) throw new AppError('SIGNER_FUNCTION_MISSING');
    return signature;
  }
}
