import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  PullResumeSchema,
  PullStartSchema,
  RegisterImportStatusSchema,
  type PullResumeRequest,
  type PullStartRequest,
  type RegisterImportStatus,
} from '@wahl/contracts';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import type { Actor } from '../../../platform/auth/roles';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { jobIdPipe, ProblemResponses } from '../roll.openapi';
import { ElectionParam, electionIdPipe } from '../../../platform/openapi/route-params';
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
  @ApiBodyFrom(PullStartSchema)
  @ApiResponseFrom(202, RegisterImportStatusSchema, 'Der laufende Auftrag.')
  @ProblemResponses(401, 403, 404, 422)
  start(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(PullStartSchema)) body: PullStartRequest,
  ): Promise<RegisterImportStatus> {
    return this.pulls.start(actor, electionId, { ...PULL_DEFAULTS, ...body });
  }

  @Allow('office-admin')
  @Post(':jobId/resume')
  @HttpCode(202)
  @ApiOperation({ summary: 'Abgebrochenen Abruf nach der letzten gespeicherten Seite fortsetzen' })
  @ElectionParam()
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiBodyFrom(PullResumeSchema, undefined, { required: false })
  @ApiResponseFrom(202, RegisterImportStatusSchema, 'Der wieder laufende Auftrag.')
  @ProblemResponses(401, 403, 404, 409, 422)
  resume(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('jobId', jobIdPipe) jobId: string,
    @Body(new ZodBodyPipe(PullResumeSchema)) body: PullResumeRequest,
  ): Promise<RegisterImportStatus> {
    return this.pulls.resume(actor, electionId, jobId, body);
  }
}
