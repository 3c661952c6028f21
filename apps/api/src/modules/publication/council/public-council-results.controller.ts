import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../../platform/auth/access.decorator';
import { notFound } from '../../../platform/errors/app-error';
import { sendJson } from '../http/cached-response';
import { ThrottledPublic } from '../http/dynamic-public';
import { PublicCouncilResultsService } from './public-council-results.service';

const electionId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('council-count')
@Controller('public/elections')
export class PublicCouncilResultController {
  constructor(private readonly results: PublicCouncilResultsService) {}

  // Public: seats, elected candidates and aggregate counts only; never a ballot, batch or team (R8.5).
  @Public()
  @Get(':electionId/council-result')
  @ThrottledPublic()
  async result(@Param('electionId', electionId) election: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    sendJson(request, response, await this.results.result(election));
  }
}
