import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccountSignatureSchema,
  ActorSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  RedeemPasswordResetSchema,
  type AccountSignature,
  type LoginRequest,
  type LoginResponse,
  type RedeemPasswordReset,
} from '@wahl/contracts';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { OFFICE_STAFF, ROLES, type Actor } from '../../platform/auth/roles';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { SESSION_COOKIE, tokenOf } from './access.guard';
import { AccountSignatureService } from './account-signature.service';
import { AuthService } from './auth.service';
import { PasswordResetService } from './password-reset.service';

export const DEVICE_COOKIE = 'wahl_device';
const DEVICE_COOKIE_DAYS = 180;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly signatures: AccountSignatureService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiBodyFrom(LoginRequestSchema)
  @ApiResponseFrom(200, LoginResponseSchema, 'Signed in; the session cookie is set too.')
  async login(
    @Body(new ZodBodyPipe(LoginRequestSchema)) body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const cookies = request.headers.cookie ? parseCookies(request.headers.cookie) : {};
    const session = await this.auth.login(body.username, body.password, {
      address: request.ip ?? 'unknown',
      deviceToken: cookies[DEVICE_COOKIE] ?? null,
    });
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      expires: session.expiresAt,
      path: '/',
    });
    // The device cookie marks this browser as a known device of the account (issue #17): it is sent
    // only to the sign-in route and keeps the right password working while strangers block the account.
    response.cookie(DEVICE_COOKIE, session.deviceToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      maxAge: DEVICE_COOKIE_DAYS * 24 * 3600_000,
      path: '/api/auth/login',
    });
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.actor };
  }

  /** Sets a new password with the one-time code from the office admin; limited and recorded like a sign-in. */
  @Public()
  @Post('password-reset')
  @HttpCode(204)
  @ApiBodyFrom(RedeemPasswordResetSchema)
  async resetPassword(@Body(new ZodBodyPipe(RedeemPasswordResetSchema)) body: RedeemPasswordReset, @Req() request: Request): Promise<void> {
    await this.resets.redeem(body, request.ip ?? 'unknown');
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = tokenOf(request);
    if (token) await this.auth.logout(token);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Allow(...ROLES)
  @Get('me')
  @ApiResponseFrom(200, ActorSchema)
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Allow('provider-admin', ...OFFICE_STAFF)
  @Get('signature')
  @ApiOperation({
    summary: 'Name und Funktion, mit denen das angemeldete Konto unterzeichnet',
    description: 'Anzeigename und Funktion des Kontos (nie der Anmeldename); `function` ist leer, solange sie niemand eingetragen hat.',
  })
  @ApiResponseFrom(200, AccountSignatureSchema)
  signature(@CurrentActor() actor: Actor): Promise<AccountSignature> {
    return this.signatures.of(actor);
  }
}
