import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { parse as parseCookies } from 'cookie';
import type { Request } from 'express';
import { ACCESS_KEY, type AccessRule } from '../../platform/auth/access.decorator';
import type { RequestWithActor } from '../../platform/auth/current-actor.decorator';
import { AppError } from '../../platform/errors/app-error';
import { AuthService } from './auth.service';

export const SESSION_COOKIE = 'wahl_session';

export function tokenOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookies = request.headers.cookie ? parseCookies(request.headers.cookie) : {};
  return cookies[SESSION_COOKIE];
}

/** Default deny: a route is reachable only as its @Allow/@Public declaration says. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new AppError('FORBIDDEN', 'Für diese Adresse ist kein Zugriff festgelegt.');
    if (rule.public) return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const token = tokenOf(request);
    const actor = token ? await this.auth.resolve(token) : null;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Bitte melden Sie sich an.');
    if (!rule.roles.includes(actor.role)) throw new AppError('FORBIDDEN', 'Ihre Rolle darf diese Aktion nicht ausführen.');
    request.actor = actor;
    return true;
  }
}
