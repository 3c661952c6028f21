import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import type { Actor } from '../../../platform/auth/roles';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { RegisterImportStatusDto } from '../dtos/register-import-job.dto';
import { ElectionParam, electionIdPipe, jobIdPipe, openApiSchema, ProblemResponses } from '../roll.openapi';
import { pullResumeSchema, pullStartSchema, type PullResumeBody, type PullStartBody } from '../roll.schemas';
import { PULL_DEFAULTS, RegisterPullService } from './register-pull.service';

@ApiTags('roll: register import')
@Controller('elections/:electionId/register-pulls')
export class RegisterPullsController {
  constructor(private readonly pulls: RegisterPullService) {}

  // The office head configures where the register service is: the server will call that address.
  @Allow('office-admin')
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Einwohner vom Registerdienst abrufen (Schnittstelle: docs/REGISTER-PULL.md)',
    description:
      'Startet den Abruf im Hintergrund und antwortet sofort mit dem laufenden Auftrag (wie ein Datei-Import zu verfolgen). Jede Seite wird gespeichert; ' +
      'Fehler (Zeitüberschreitung, 5xx, abgeschnittene Antwort) werden mit wachsender Wartezeit wiederholt. Scheitert eine Seite endgültig, ist der Auftrag `failed` mit `resumable: true`.',
  })
  @ElectionParam()
  @ApiBody({ schema: openApiSchema(pullStartSchema) })
  @ApiResponse({ status: 202, type: RegisterImportStatusDto })
  @ProblemResponses(401, 403, 404, 422)
  start(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(pullStartSchema)) body: PullStartBody,
  ): Promise<RegisterImportStatusDto> {
    return this.pulls.start(actor, electionId, { ...PULL_DEFAULTS, ...body });
  }

  @Allow('office-admin')
  @Post(':jobId/resume')
  @HttpCode(202)
  @ApiOperation({ summary: 'Abgebrochenen Abruf nach der letzten gespeicherten Seite fortsetzen' })
  @ElectionParam()
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiBody({ schema: openApiSchema(pullResumeSchema), required: false })
  @ApiResponse({ status: 202, type: RegisterImportStatusDto })
  @ProblemResponses(401, 403, 404, 409, 422)
  resume(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('jobId', jobIdPipe) jobId: string,
    @Body(new ZodBodyPipe(pullResumeSchema)) body: PullResumeBody,
  ): Promise<RegisterImportStatusDto> {
    return this.pulls.resume(actor, electionId, jobId, body);
  }
}
