import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { ROLES, type Actor } from '../../platform/auth/roles';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { SESSION_COOKIE, tokenOf } from './access.guard';
import { AuthService } from './auth.service';
import { loginSchema } from './dtos/identity.schemas';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body(new ZodBodyPipe(loginSchema)) body: { username: string; password: string },
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const session = await this.auth.login(body.username, body.password, request.ip ?? 'unknown');
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      expires: session.expiresAt,
      path: '/',
    });
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.actor };
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
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
