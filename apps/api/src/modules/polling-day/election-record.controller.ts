import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ElectionRecordSchema,
  PublicResultStatusSchema,
  RecordOverviewSchema,
  saveElectionRecordSchema,
  signElectionRecordSchema,
  type SaveElectionRecordBody,
  type SignElectionRecordRequest,
} from '@wahl/contracts';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { districtIdPipe, ElectionParam, electionIdPipe } from '../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { DistrictParams, ProblemResponses } from '../elections/read-model/election-routes.openapi';
import { ElectionRecordDocument } from './election-record.document';
import { sendJson } from '../publication/http/cached-response';
import { ThrottledPublic } from '../publication/http/dynamic-public';
import { ElectionRecordService } from './election-record.service';

const BOARD_AND_STAFF = ['office-admin', 'clerk', 'board-member'] as const;
const STAFF = ['office-admin', 'clerk'] as const;

/** The stage of the election's result for the public page (no district named). */
@ApiTags('public results')
@Controller('public/elections/:electionId/result-status')
export class PublicResultStatusController {
  constructor(private readonly records: ElectionRecordService) {}

  @Public()
  @Get()
  @ThrottledPublic()
  @ApiOperation({
    summary: 'Stand des Ergebnisses: Zwischenergebnis, vorläufiges oder endgültiges Ergebnis, mit der Zahl der Wahlbezirke je Stand',
  })
  @ElectionParam()
  @ApiResponseFrom(200, PublicResultStatusSchema)
  @ProblemResponses(404)
  async status(@Param('electionId', electionIdPipe) electionId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    sendJson(request, response, await this.records.publicStatus(electionId));
  }
}

/** The Wahlniederschrift of a district (BWO § 72, Anlage 29) and the result status it gives. */
@ApiTags('polling day')
@Controller('elections/:electionId')
export class ElectionRecordController {
  constructor(
    private readonly records: ElectionRecordService,
    private readonly document: ElectionRecordDocument,
  ) {}

  @Allow(...BOARD_AND_STAFF)
  @Get('districts/:districtId/record')
  @ApiOperation({
    summary: 'Wahlniederschrift eines Wahlbezirks mit Unterschriften, Stand des Ergebnisses und Abweichungen von der Schnellmeldung',
    description: 'Vor dem ersten Speichern enthält `draft` Mitglieder, Eröffnung und Vorkommnisse aus den Meldungen des Tages.',
  })
  @DistrictParams()
  @ApiResponseFrom(200, ElectionRecordSchema)
  @ProblemResponses(401, 403, 404)
  record(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
  ) {
    return this.records.record(actor, electionId, districtId);
  }

  @Allow(...BOARD_AND_STAFF)
  @Put('districts/:districtId/record')
  @ApiOperation({
    summary: 'Wahlniederschrift speichern (neue Fassung; bisherige Unterschriften gelten nicht mehr)',
    description:
      'Die Zahlen durchlaufen die Prüfungen der Schnellmeldung; weichen sie von der zählenden Schnellmeldung ab, ist `differencesExplanation` Pflicht. `expectedRevision` schützt vor dem Überschreiben einer neueren Fassung (409).',
  })
  @DistrictParams()
  @ApiBodyFrom(saveElectionRecordSchema)
  @ApiResponseFrom(200, ElectionRecordSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  save(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Body(new ZodBodyPipe(saveElectionRecordSchema)) body: SaveElectionRecordBody,
  ) {
    return this.records.save(actor, electionId, districtId, body);
  }

  @Allow('board-member')
  @Post('districts/:districtId/record/signatures')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Wahlniederschrift persönlich unterschreiben (angemeldetes Mitglied, als anwesend eingetragen)',
    description:
      'Vier-Augen-Prinzip: gültig mit den Unterschriften von mindestens zwei verschiedenen Mitgliedern; niemand unterschreibt zweimal.',
  })
  @DistrictParams()
  @ApiBodyFrom(signElectionRecordSchema)
  @ApiResponseFrom(200, ElectionRecordSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  sign(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Body(new ZodBodyPipe(signElectionRecordSchema)) body: SignElectionRecordRequest,
  ) {
    return this.records.sign(actor, electionId, districtId, body.revision);
  }

  @Allow(...STAFF)
  @Post('districts/:districtId/record/check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unterschriebene Wahlniederschrift als geprüft vermerken: das Ergebnis des Bezirks wird endgültig' })
  @DistrictParams()
  @ApiResponseFrom(200, ElectionRecordSchema)
  @ProblemResponses(401, 403, 404, 409)
  check(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
  ) {
    return this.records.check(actor, electionId, districtId);
  }

  @Allow(...BOARD_AND_STAFF)
  @Get('districts/:districtId/record.pdf')
  @ApiOperation({ summary: 'Wahlniederschrift zum Ausdrucken (PDF nach Anlage 29 BWO)' })
  @DistrictParams()
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'PDF (A4).' })
  @ProblemResponses(401, 403, 404)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.document.render(actor, electionId, districtId);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${fileName}"`, length: pdf.length });
  }

  @Allow(...STAFF)
  @Get('records')
  @ApiOperation({
    summary: 'Stand der Ergebnisse je Wahlbezirk: Zwischenergebnis, vorläufig, endgültig; Abweichungen Schnellmeldung ↔ Niederschrift',
  })
  @ElectionParam()
  @ApiResponseFrom(200, RecordOverviewSchema)
  @ProblemResponses(401, 403, 404)
  overview(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.records.overview(actor, electionId);
  }
}
