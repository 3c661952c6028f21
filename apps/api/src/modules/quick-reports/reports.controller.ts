import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { AppError } from '../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { RollService } from '../roll/roll.service';
import { DistrictParams, IdempotencyHeader, ProblemResponses, versionPipe } from '../elections/read-model/election-routes.openapi';
import { districtIdPipe, electionIdPipe } from '../../platform/openapi/route-params';
import { parseIdempotencyKey } from './idempotency';
import { reportForm } from './report-form';
import {
  approveReportSchema,
  checkCodeSchema,
  ReportActionResultSchema,
  correctReportSchema,
  rejectReportSchema,
  submitReportSchema,
  type CorrectionBody,
  type ReportBody,
} from '@wahl/contracts';
import { ReportsService, type WriteResponse } from './reports.service';

const BOARD_AND_STAFF = ['office-admin', 'clerk', 'board-member'] as const;

const RESULT =
  '`{ electionId, districtId, districtNumber, outcome, version, state, currentVersion, countedVersion, comparedWith, warnings, message }`; Kopfzeile `ETag: "<currentVersion>"`.';

function send(response: Response, result: WriteResponse) {
  response.status(result.status);
  response.setHeader('ETag', `"${result.body.currentVersion}"`);
  if (result.replayed) response.setHeader('Idempotency-Replayed', 'true');
  return result.body;
}

const optionalVersion = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1)
    throw new AppError('VALIDATION_FAILED', `${name} muss eine Versionsnummer sein.`, [
      { path: `query:${name}`, message: 'keine Versionsnummer' },
    ]);
  return version;
};

@ApiTags('election-night: quick reports')
@Controller('elections/:electionId/districts/:districtId')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly contexts: ElectionReadModel,
    private readonly roll: RollService,
  ) {}

  @Allow(...BOARD_AND_STAFF)
  @Get('report-form')
  @ApiOperation({
    summary: 'Eingabemaske der Schnellmeldung eines Wahlbezirks',
    description:
      'Kennbuchstaben mit deutschen Bezeichnungen in Formularreihenfolge (A1, A2, A3, A, B, B1, C, D, D1…, E, F, F1…), Listen in Stimmzettelreihenfolge, und wohin jeder Wert im Meldungs-JSON gehört (`path`).',
  })
  @DistrictParams()
  @ProblemResponses(401, 403, 404)
  async form(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
  ) {
    const { context, district } = await this.contexts.districtForActor(actor, electionId, districtId);
    const closing = district.kind === 'polling' ? await this.roll.closingOfDistrict(electionId, districtId) : null;
    return reportForm(context, district, closing);
  }

  @Allow(...BOARD_AND_STAFF)
  @Get('reports')
  @ApiOperation({
    summary: 'Stand und alle Versionen der Schnellmeldung eines Wahlbezirks',
    description:
      'Zustand (`missing | entered | confirmed | flagged | corrected | rejected`), aktuelle und gezählte Version, jede Version mit Zahlen, bestätigten Warnungen und Erfasser.',
  })
  @DistrictParams()
  @ProblemResponses(401, 403, 404)
  history(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
  ) {
    return this.reports.history(actor, electionId, districtId);
  }

  @Allow(...BOARD_AND_STAFF)
  @Get('reports/compare')
  @ApiOperation({
    summary: 'Zwei Versionen nebeneinander',
    description:
      'Ohne Angaben: bei einer Abweichung (flagged) die beiden abweichenden Fassungen, sonst die letzten beiden. `differences[]` nennt jeden abweichenden Kennbuchstaben mit beiden Werten.',
  })
  @DistrictParams()
  @ApiQuery({ name: 'left', required: false, type: Number })
  @ApiQuery({ name: 'right', required: false, type: Number })
  @ProblemResponses(401, 403, 404, 422)
  compare(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Query('left') left?: string,
    @Query('right') right?: string,
  ) {
    return this.reports.compare(actor, electionId, districtId, optionalVersion(left, 'left'), optionalVersion(right, 'right'));
  }

  @Allow(...BOARD_AND_STAFF)
  @Post('reports')
  @ApiOperation({
    summary: 'Schnellmeldung erfassen (Wahlvorstand des Bezirks oder Wahlamt)',
    description:
      'Körper = die Schnellmeldung (`QuickReport`: A, A1–A3, B, B1, `contests[]` mit `contestId` = Schlüssel der Stimme, `invalid`, `valid`, `votes` je Listenschlüssel) ' +
      'plus `expectedVersion` (0 für die erste Meldung; alternativ `If-Match`) und `confirmations[]`. Plausibilität nach DOMAIN.md 4.2: ' +
      'Fehler → 422 mit Regel, Feldern und Meldung, nichts wird gespeichert; Warnungen (P3, P7, P8) → 422, solange nicht jede Regel in `confirmations` mit Kommentar bestätigt ist. ' +
      'Vier-Augen-Prinzip: die Meldung zählt erst, wenn eine zweite Person sie bestätigt (`…/approve`) oder blind gleich erfasst (`outcome: confirmed`); ' +
      'weicht die zweite Erfassung ab, wird der Bezirk markiert (`flagged`, siehe `…/reports/compare`). Versionskonflikt → 409.',
  })
  @DistrictParams()
  @IdempotencyHeader()
  @ApiHeader({ name: 'If-Match', required: false, description: 'Erwartete Version, z. B. `"2"` (statt `expectedVersion`).' })
  @ApiBodyFrom(submitReportSchema)
  @ApiResponseFrom(201, ReportActionResultSchema, `Version gespeichert. ${RESULT}`)
  @ProblemResponses(401, 403, 404, 409, 422)
  async submit(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Body(new ZodBodyPipe(submitReportSchema)) body: ReportBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const key = parseIdempotencyKey(idempotencyKey);
    return send(response, await this.reports.submit(actor, electionId, districtId, body, { idempotencyKey: key, ifMatch }));
  }

  @Allow(...BOARD_AND_STAFF)
  @Post('reports/:version/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Eine erfasste Version bestätigen (zweite Person)',
    description:
      'Nur eine andere Person als die erfassende; bei einer Abweichung kann eine der beiden Fassungen bestätigt werden. Danach zählt die Version.',
  })
  @DistrictParams()
  @ApiParam({ name: 'version', type: Number })
  @IdempotencyHeader()
  @ApiBodyFrom(approveReportSchema, undefined, { required: false })
  @ApiResponseFrom(200, ReportActionResultSchema, RESULT)
  @ProblemResponses(401, 403, 404, 409)
  async approve(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Param('version', versionPipe) version: number,
    @Body(new ZodBodyPipe(approveReportSchema)) body: z.infer<typeof approveReportSchema>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const key = parseIdempotencyKey(idempotencyKey);
    return send(
      response,
      await this.reports.approve(actor, electionId, districtId, version, { idempotencyKey: key, comment: body.comment }),
    );
  }

  @Allow('office-admin', 'clerk')
  @Post('reports/:version/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Meldung zurückweisen (Wahlamt, mit Begründung)',
    description: 'Die Version muss die aktuelle sein. Eine gezählte Meldung verlässt das Zwischenergebnis; der Wahlvorstand meldet neu.',
  })
  @DistrictParams()
  @ApiParam({ name: 'version', type: Number })
  @IdempotencyHeader()
  @ApiBodyFrom(rejectReportSchema)
  @ApiResponseFrom(200, ReportActionResultSchema, RESULT)
  @ProblemResponses(401, 403, 404, 409, 422)
  async reject(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Param('version', versionPipe) version: number,
    @Body(new ZodBodyPipe(rejectReportSchema)) body: z.infer<typeof rejectReportSchema>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const key = parseIdempotencyKey(idempotencyKey);
    return send(response, await this.reports.reject(actor, electionId, districtId, version, body.reason, { idempotencyKey: key }));
  }

  @Allow('office-admin', 'clerk')
  @Post('reports/corrections')
  @ApiOperation({
    summary: 'Bestätigte Meldung korrigieren (Wahlamt, mit Begründung)',
    description:
      'Wie die Erfassung plus `reason`; nur für bestätigte oder korrigierte Bezirke. Die neue Version zählt sofort und wird mit alten und neuen Werten protokolliert.',
  })
  @DistrictParams()
  @IdempotencyHeader()
  @ApiHeader({ name: 'If-Match', required: false, description: 'Erwartete Version (statt `expectedVersion`).' })
  @ApiBodyFrom(correctReportSchema)
  @ApiResponseFrom(201, ReportActionResultSchema, `Korrektur gespeichert. ${RESULT}`)
  @ProblemResponses(401, 403, 404, 409, 422)
  async correct(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Body(new ZodBodyPipe(correctReportSchema)) body: CorrectionBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const key = parseIdempotencyKey(idempotencyKey);
    return send(response, await this.reports.correct(actor, electionId, districtId, body, { idempotencyKey: key, ifMatch }));
  }

  @Allow('office-admin', 'clerk')
  @Post('reports/check-code')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Prüfcode eingeben, den der Wahlvorstand telefonisch vorliest (zweiter Kanal, R7.16)',
    description:
      'Nur wenn die Wahl den Prüfcode verlangt (`PUT …/polling-day/settings { checkCodeRequired: true }`): eine bestätigte Meldung (`awaiting-code`) zählt erst, ' +
      'wenn der Code zu den empfangenen Zahlen passt. Passt er nicht → 422 `REPORT_CHECK_CODE_MISMATCH` mit den empfangenen Zahlen zum Vorlesen; die Meldung zählt weiter nicht. ' +
      'Jeder Versuch an einer wartenden Meldung steht im Prüfprotokoll. Derselbe richtige Code nach verlorener Antwort erhält die Antwort des ersten Erfolgs; nichts ändert sich.',
  })
  @DistrictParams()
  @ApiBodyFrom(checkCodeSchema)
  @ApiResponseFrom(200, ReportActionResultSchema, RESULT)
  @ProblemResponses(401, 403, 404, 409, 422)
  async checkCode(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Body(new ZodBodyPipe(checkCodeSchema)) body: z.output<typeof checkCodeSchema>,
    @Res({ passthrough: true }) response: Response,
  ) {
    return send(response, await this.reports.enterCheckCode(actor, electionId, districtId, body.code));
  }
}
