import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RetentionPlanSchema, RetentionRunResultSchema, setLegalHoldSchema, type SetLegalHoldRequest } from '@wahl/contracts';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ElectionParam, electionIdPipe } from '../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../elections/read-model/election-routes.openapi';
import { RetentionService } from './retention.service';

/** R8.4: the office's retention plan, runs and legal holds of one election. */
@ApiTags('retention')
@Controller('elections/:electionId/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Allow('office-admin', 'clerk')
  @Get()
  @ApiOperation({ summary: 'Aufbewahrungsplan: Löschtermine je Kategorie und was ein Lauf jetzt löschen würde (Probelauf)' })
  @ElectionParam()
  @ApiResponseFrom(200, RetentionPlanSchema)
  @ProblemResponses(401, 403, 404)
  plan(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.retention.plan(actor, electionId);
  }

  @Allow('office-admin')
  @Post('run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fällige Daten löschen (je Kategorie eine Transaktion; ein zweiter Lauf löscht nichts mehr)' })
  @ElectionParam()
  @ApiResponseFrom(200, RetentionRunResultSchema)
  @ProblemResponses(401, 403, 404, 409)
  run(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.retention.run(actor, electionId);
  }

  @Allow('office-admin')
  @Put('hold')
  @ApiOperation({ summary: 'Löschsperre setzen (Wahlprüfung, Strafverfahren)' })
  @ElectionParam()
  @ApiBodyFrom(setLegalHoldSchema)
  @ApiResponseFrom(200, RetentionPlanSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  setHold(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(setLegalHoldSchema)) body: SetLegalHoldRequest,
  ) {
    return this.retention.setHold(actor, electionId, body);
  }

  @Allow('office-admin')
  @Delete('hold')
  @ApiOperation({ summary: 'Löschsperre aufheben' })
  @ElectionParam()
  @ApiResponseFrom(200, RetentionPlanSchema)
  @ProblemResponses(401, 403, 404, 409)
  liftHold(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.retention.liftHold(actor, electionId);
  }
}
