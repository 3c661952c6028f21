import { AppError } from '../errors/app-error';
import type { Actor } from './roles';

/**
 * An office sees and changes only its own data. Answering "not found" rather than "forbidden"
 * keeps other municipalities' ids from being probed.
 */
export function assertSameOffice(actor: Actor, officeId: string, what: string): void {
  if (actor.officeId !== officeId) throw new AppError('NOT_FOUND', `${what} wurde nicht gefunden.`);
}
