import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { notFound } from '../../platform/errors/app-error';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { CouncilCountService } from './council-count.service';
import { councilBatchSchema, declareFinalSchema, type CouncilBatchRequest, type DeclareFinalRequest } from '@wahl/contracts';
import { parseIdempotencyKey } from './idempotency-key';

// A malformed id is answered like an unknown one. `contestId` is the election document's contest id.
const electionId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('council-count')
@Controller('elections/:electionId/contests/:contestId')
export class CouncilCountController {
  constructor(private readonly councilCount: CouncilCountService) {}

  /**
   * One batch of council ballots from a counting team. Office staff for now; board members once
   * counting teams sign in on their own. 201 when stored, 200 with `Idempotent-Replayed: true` for a retry.
   */
  @Allow('office-admin', 'clerk')
  @Post('council-batches')
  async enterBatch(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionId) election: string,
    @Param('contestId') contest: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body(new ZodBodyPipe(councilBatchSchema)) body: CouncilBatchRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { replayed, receipt } = await this.councilCount.enterBatch(actor, election, contest, parseIdempotencyKey(idempotencyKey), body);
    if (replayed) response.status(200).setHeader('Idempotent-Replayed', 'true');
    return receipt;
  }

  /** Totals, seats, elected and substitutes; provisional until declared final. */
  @Allow('office-admin', 'clerk')
  @Get('council-result')
  result(@CurrentActor() actor: Actor, @Param('electionId', electionId) election: string, @Param('contestId') contest: string) {
    return this.councilCount.result(actor, election, contest);
  }

  /** Freezes the result; further batches are refused. `lots` records a drawing of lots between lists. */
  @Allow('office-admin')
  @Post('council-result/declare-final')
  @HttpCode(200)
  declareFinal(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionId) election: string,
    @Param('contestId') contest: string,
    @Body(new ZodBodyPipe(declareFinalSchema)) body: DeclareFinalRequest,
  ) {
    return this.councilCount.declareFinal(actor, election, contest, body);
  }
}
