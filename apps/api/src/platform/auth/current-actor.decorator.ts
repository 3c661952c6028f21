import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import type { Actor } from './roles';

export type RequestWithActor = { actor?: Actor };

/** The signed-in caller; only on routes that require a role (the guard has set it). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Bitte melden Sie sich an.');
  return actor;
});
