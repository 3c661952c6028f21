import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../../platform/auth/access.decorator';
import { notFound } from '../../../platform/errors/app-error';
import { PublicCouncilResultsService } from './public-council-results.service';

const electionId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('council-count')
@Controller('public/elections')
export class PublicCouncilResultController {
  constructor(private readonly results: PublicCouncilResultsService) {}

  // Public: seats, elected candidates and aggregate counts only; never a ballot, batch or team (R8.5).
  @Public()
  @Get(':electionId/council-result')
  result(@Param('electionId', electionId) election: string) {
    return this.results.result(election);
  }
}
