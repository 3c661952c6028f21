import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RehearsalResetSchema, ResultsPhaseStateSchema, setResultsPhaseSchema, type SetResultsPhaseRequest } from '@wahl/contracts';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ElectionParam, electionIdPipe } from '../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../elections/read-model/election-routes.openapi';
import { RehearsalService } from './rehearsal.service';

/** Rehearsal mode (docs/REHEARSAL.md): clerks see the phase, the office admin switches and resets. */
@ApiTags('rehearsal')
@Controller('elections/:electionId/results-phase')
export class RehearsalController {
  constructor(private readonly rehearsal: RehearsalService) {}

  @Allow('office-admin', 'clerk')
  @Get()
  @ApiOperation({ summary: 'Ergebnisphase der Wahl: Probe oder Wahlabend, und wie viele Ergebnisse gespeichert sind' })
  @ElectionParam()
  @ApiResponseFrom(200, ResultsPhaseStateSchema)
  @ProblemResponses(401, 403, 404)
  state(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.rehearsal.state(actor, electionId);
  }

  @Allow('office-admin')
  @Put()
  @ApiOperation({ summary: 'Probe beginnen oder zum Wahlabend wechseln (nur ohne gespeicherte Ergebnisse)' })
  @ElectionParam()
  @ApiBodyFrom(setResultsPhaseSchema)
  @ApiResponseFrom(200, ResultsPhaseStateSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  setPhase(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(setResultsPhaseSchema)) body: SetResultsPhaseRequest,
  ) {
    return this.rehearsal.setPhase(actor, electionId, body.phase);
  }

  @Allow('office-admin')
  @Post('reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Probe zurücksetzen: alle Probe-Meldungen, Veröffentlichungen und Freigaben löschen (protokolliert)' })
  @ElectionParam()
  @ApiResponseFrom(200, RehearsalResetSchema)
  @ProblemResponses(401, 403, 404, 409)
  reset(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.rehearsal.reset(actor, electionId);
  }
}
