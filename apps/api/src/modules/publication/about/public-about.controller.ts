import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PublicElectionAboutSchema, type PublicElectionAbout } from '@wahl/contracts';
import { Public } from '../../../platform/auth/access.decorator';
import { notFound } from '../../../platform/errors/app-error';
import { ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { PublicAboutRepository } from './public-about.repository';

const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('public results')
@Controller('public/elections')
export class PublicAboutController {
  constructor(private readonly repository: PublicAboutRepository) {}

  /** What the public page shows beside the results: the office's legal pages and whether it may offer the address finder. */
  @Public()
  @Get(':electionId/about')
  // Set by the office before the election; a minute old is fine.
  @Header('Cache-Control', 'public, max-age=60')
  @ApiResponseFrom(200, PublicElectionAboutSchema)
  async about(@Param('electionId', electionIdPipe) electionId: string): Promise<PublicElectionAbout> {
    const about = await this.repository.about(electionId);
    if (!about) throw notFound('Die Wahl');
    return about;
  }
}
