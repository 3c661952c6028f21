import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RegisterPullSourcesSchema, type RegisterPullSources } from '@wahl/contracts';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../roll.openapi';
import { RegisterPullService } from './register-pull.service';

const officeIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Das Wahlamt') });

/** The register services an office may pull from; the provider sets them (issue 17, finding 8). */
@ApiTags('roll: register import')
@Controller('offices/:officeId/register-pull-sources')
export class RegisterPullSourcesController {
  constructor(private readonly pulls: RegisterPullService) {}

  @Allow('provider-admin', 'office-admin')
  @Get()
  @ApiOperation({ summary: 'Freigegebene Adressen für den Abruf aus dem Melderegister' })
  @ApiParam({ name: 'officeId', format: 'uuid' })
  @ApiResponseFrom(200, RegisterPullSourcesSchema)
  @ProblemResponses(401, 403, 404)
  async list(@CurrentActor() actor: Actor, @Param('officeId', officeIdPipe) officeId: string): Promise<RegisterPullSources> {
    return { urls: await this.pulls.sources(actor, officeId) };
  }

  @Allow('provider-admin')
  @Put()
  @ApiOperation({
    summary: 'Adressen für den Abruf aus dem Melderegister freigeben (Betreiber)',
    description: 'Ersetzt die Liste. Ein Abruf (`POST …/register-pulls`) geht nur an eine dieser Adressen.',
  })
  @ApiParam({ name: 'officeId', format: 'uuid' })
  @ApiBodyFrom(RegisterPullSourcesSchema)
  @ApiResponseFrom(200, RegisterPullSourcesSchema)
  @ProblemResponses(401, 403, 404, 422)
  async replace(
    @CurrentActor() actor: Actor,
    @Param('officeId', officeIdPipe) officeId: string,
    @Body(new ZodBodyPipe(RegisterPullSourcesSchema)) body: RegisterPullSources,
  ): Promise<RegisterPullSources> {
    return { urls: await this.pulls.setSources(actor, officeId, body.urls) };
  }
}
