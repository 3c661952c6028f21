import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditPageSchema, AuditVerdictSchema } from '@wahl/contracts';
import { ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { ProblemResponses } from '../elections/read-model/election-routes.openapi';
import { ElectionParam, electionIdPipe } from '../../platform/openapi/route-params';
import { AuditService } from './audit.service';

@ApiTags('election-night: audit')
@Controller('elections/:electionId/audit')
export class AuditController {
  constructor(
    private readonly contexts: ElectionReadModel,
    private readonly audit: AuditService,
  ) {}

  @Allow('office-admin', 'clerk')
  @Get('verify')
  @ApiOperation({
    summary: 'Hash-Kette des Protokolls prüfen',
    description:
      'Jeder Eintrag speichert SHA-256 über sein kanonisches JSON und den Hash des vorigen. Ein veränderter oder gelöschter Eintrag wird erkannt (`firstBrokenEntry`).',
  })
  @ElectionParam()
  @ApiResponseFrom(200, AuditVerdictSchema)
  @ProblemResponses(401, 403, 404)
  async verify(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    await this.contexts.forActor(actor, electionId);
    return this.audit.verify(electionId);
  }

  @Allow('office-admin', 'clerk')
  @Get()
  @ApiOperation({
    summary: 'Protokoll des Wahlabends',
    description: 'Wer, wann, was, alte und neue Werte, in Kettenreihenfolge; seitenweise mit `afterSeq`.',
  })
  @ElectionParam()
  @ApiQuery({ name: 'afterSeq', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiResponseFrom(200, AuditPageSchema)
  @ProblemResponses(401, 403, 404)
  async list(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Query('afterSeq') afterSeq?: string,
    @Query('limit') limit?: string,
  ) {
    await this.contexts.forActor(actor, electionId);
    const after = Math.max(0, Number.parseInt(afterSeq ?? '0', 10) || 0);
    const size = Math.min(1000, Math.max(1, Number.parseInt(limit ?? '200', 10) || 200));
    return this.audit.list(electionId, after, size);
  }
}
