import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { PublicElectionAboutSchema } from '@wahl/contracts';
import { Public } from '../../../platform/auth/access.decorator';
import { notFound } from '../../../platform/errors/app-error';
import { ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { FIXED_CACHE_CONTROL, sendJson } from '../http/cached-response';
import { ThrottledPublic } from '../http/dynamic-public';
import { PublicAboutRepository } from './public-about.repository';

const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('public results')
@Controller('public/elections')
export class PublicAboutController {
  constructor(private readonly repository: PublicAboutRepository) {}

  /** What the public page shows beside the results: the office's legal pages and whether it may offer the address finder. */
  @Public()
  @Get(':electionId/about')
  // Set by the office before the election.
  @ThrottledPublic()
  @ApiResponseFrom(200, PublicElectionAboutSchema)
  async about(@Param('electionId', electionIdPipe) electionId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const about = await this.repository.about(electionId);
    if (!about) throw notFound('Die Wahl');
    sendJson(request, response, about, FIXED_CACHE_CONTROL);
  }
}
