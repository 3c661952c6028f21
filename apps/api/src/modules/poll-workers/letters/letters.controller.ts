import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LetterRunSchema, recordReplySchema, startLetterRunSchema, type RecordReplyBody, type StartLetterRunBody } from '@wahl/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { ElectionParam, electionIdPipe } from '../../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../../elections/read-model/election-routes.openapi';
import { LettersService } from './letters.service';

const runIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Lauf') });
const assignmentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Sitz') });

/** Appointment letters of the board members and the replies to them. */
@ApiTags('poll workers: letters')
@Controller('elections/:electionId/poll-workers')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Allow('office-admin', 'clerk')
  @Post('letter-runs')
  @ApiOperation({
    summary: 'Berufungsschreiben erstellen (Hintergrundauftrag)',
    description:
      'Legt die Sitze fest (vorgeschlagen oder berufen, noch ohne Schreiben; mit `reissue` alle), vergibt je Mitglied einen persönlichen Zugangscode ' +
      'für die Wahlbezirks-App, beruft vorgeschlagene Sitze und druckt ein PDF. Fortschritt: `GET …/letter-runs/:runId`.',
  })
  @ElectionParam()
  @ApiBodyFrom(startLetterRunSchema)
  @ApiResponseFrom(201, LetterRunSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  start(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(startLetterRunSchema)) body: StartLetterRunBody,
  ) {
    return this.letters.start(actor, electionId, body);
  }

  @Allow('office-admin', 'clerk')
  @Get('letter-runs')
  @ApiOperation({ summary: 'Die letzten Läufe der Berufungsschreiben' })
  @ElectionParam()
  @ApiResponseFrom(200, z.array(LetterRunSchema))
  @ProblemResponses(401, 403, 404)
  runs(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.letters.runs(actor, electionId);
  }

  @Allow('office-admin', 'clerk')
  @Get('letter-runs/:runId')
  @ApiOperation({ summary: 'Stand eines Laufs' })
  @ElectionParam()
  @ApiResponseFrom(200, LetterRunSchema)
  @ProblemResponses(401, 403, 404)
  run(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string, @Param('runId', runIdPipe) runId: string) {
    return this.letters.run(actor, electionId, runId);
  }

  @Allow('office-admin', 'clerk')
  @Get('letter-runs/:runId/pdf')
  @ApiOperation({ summary: 'PDF der Berufungsschreiben eines fertigen Laufs (enthält die Zugangscodes im Klartext)' })
  @ElectionParam()
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'PDF, A4, ein Schreiben je Mitglied mit Rückmeldeabschnitt.' })
  @ProblemResponses(401, 403, 404)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('runId', runIdPipe) runId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { stream, fileName } = await this.letters.pdf(actor, electionId, runId);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(stream, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }

  @Allow('office-admin', 'clerk')
  @Put('assignments/:assignmentId/reply')
  @ApiOperation({
    summary: 'Zusage oder Absage zum Berufungsschreiben erfassen (Absage gibt den Sitz für eine Ersatzperson frei)',
    description:
      'Derselbe Statuswechsel wie `POST …/assignments/:id/state`, zusätzlich am Schreiben vermerkt. Eine Absage nennt ihren Grund ' +
      '(`refusalGround`, § 9 BWO) und optional einen Text (`note`).',
  })
  @ElectionParam()
  @ApiBodyFrom(recordReplySchema)
  @ApiResponse({ status: 200, description: '`{ assignmentId, state }`' })
  @ProblemResponses(401, 403, 404, 409, 422)
  reply(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
    @Body(new ZodBodyPipe(recordReplySchema)) body: RecordReplyBody,
  ) {
    return this.letters.recordReply(actor, electionId, assignmentId, body);
  }
}
