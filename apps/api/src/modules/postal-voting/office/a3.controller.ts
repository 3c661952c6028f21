import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  A3ApplicationRequestSchema,
  A3EntrySchema,
  A3ListSchema,
  type A3ApplicationRequest,
  type A3Entry,
  type A3List,
} from '@wahl/contracts';
import type { Response } from 'express';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import { OFFICE_STAFF, type Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { ElectionParam, electionIdPipe } from '../../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../../roll/roll.openapi';
import { A3Service } from './a3.service';
import { pdfFile } from './postal-office.controller';

const a3IdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Antrag nach BWO § 25 Abs. 2') });
const A3Param = () => ApiParam({ name: 'a3Id', format: 'uuid' });

/** Office staff: Wahlscheine for persons not in the roll (A3, BWO § 25(2)). */
@ApiTags('postal-voting')
@Controller('elections/:electionId/postal-voting/a3')
export class A3Controller {
  constructor(private readonly a3: A3Service) {}

  @Allow(...OFFICE_STAFF)
  @Post()
  @ApiOperation({
    summary: 'Antrag einer nicht eingetragenen Person auf einen Wahlschein (BWO § 25 Abs. 2) erfassen',
    description: 'Mit Grund (Nr. 1–3) und Nachweis; abgelehnt, wenn die Person im Wählerverzeichnis steht (dann § 25 Abs. 1).',
  })
  @ElectionParam()
  @ApiBodyFrom(A3ApplicationRequestSchema)
  @ApiResponseFrom(201, A3EntrySchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  apply(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(A3ApplicationRequestSchema)) body: A3ApplicationRequest,
  ): Promise<A3Entry> {
    return this.a3.apply(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Get()
  @ApiOperation({ summary: 'Anträge und Wahlscheine nach BWO § 25 Abs. 2 (A3), neueste zuerst' })
  @ElectionParam()
  @ApiResponseFrom(200, A3ListSchema)
  @ProblemResponses(401, 403, 404)
  async list(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<A3List> {
    return { items: await this.a3.list(actor, electionId) };
  }

  @Allow(...OFFICE_STAFF)
  @Post(':a3Id/issue')
  @ApiOperation({ summary: 'Wahlschein nach BWO § 25 Abs. 2 erteilen (eigene Nummernreihe, zählt in A3)' })
  @ElectionParam()
  @A3Param()
  @ApiResponseFrom(201, A3EntrySchema)
  @ProblemResponses(401, 403, 404, 409)
  issue(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('a3Id', a3IdPipe) id: string,
  ): Promise<A3Entry> {
    return this.a3.issue(actor, electionId, id);
  }

  @Allow(...OFFICE_STAFF)
  @Get(':a3Id/wahlschein.pdf')
  @ApiOperation({ summary: 'Den Wahlschein nach BWO § 25 Abs. 2 drucken (PDF)' })
  @ElectionParam()
  @A3Param()
  @ApiProduces('application/pdf')
  @ProblemResponses(401, 403, 404)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('a3Id', a3IdPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.a3.certificatePdf(actor, electionId, id);
    return pdfFile(response, pdf, fileName);
  }
}
