import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  DistrictDaySchema,
  pollingDaySettingsSchema,
  PollingDayMonitorSchema,
  PublicTurnoutSchema,
  sendOfficeMessageSchema,
  sendPollingDayEntrySchema,
  SentPollingDayEntrySchema,
  type PollingDaySettings,
  type SendOfficeMessageRequest,
  type SendPollingDayEntryRequest,
} from '@wahl/contracts';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { notFound } from '../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { districtIdPipe, ElectionParam, electionIdPipe } from '../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { DistrictParams, ProblemResponses } from '../elections/read-model/election-routes.openapi';
import { sendJson } from '../publication/http/cached-response';
import { ThrottledPublic } from '../publication/http/dynamic-public';
import { PollingDayService } from './polling-day.service';

const BOARD_AND_STAFF = ['office-admin', 'clerk', 'board-member'] as const;
const STAFF = ['office-admin', 'clerk'] as const;
const idPipe = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => notFound(what) });
const SLOT = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The published turnout of the day for the public page (municipality only, R7.12). */
@ApiTags('public results')
@Controller('public/elections/:electionId/turnout')
export class PublicTurnoutController {
  constructor(private readonly day: PollingDayService) {}

  @Public()
  @Get()
  @ThrottledPublic()
  @ApiOperation({ summary: 'Veröffentlichte Wahlbeteiligung je Meldezeit (Urnenwähler der Gemeinde, ohne Briefwahl)' })
  @ElectionParam()
  @ApiResponseFrom(200, PublicTurnoutSchema)
  @ProblemResponses(404)
  async turnout(
    @Param('electionId', electionIdPipe) electionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendJson(request, response, await this.day.publicTurnout(electionId));
  }
}

/** The polling station's day (DOMAIN.md 7.2, 7.3): the board's entries, the office's messages, the monitor. */
@ApiTags('polling day')
@Controller('elections/:electionId')
export class PollingDayController {
  constructor(private readonly day: PollingDayService) {}

  @Allow(...BOARD_AND_STAFF)
  @Get('districts/:districtId/polling-day')
  @ApiOperation({ summary: 'Der Wahltag eines Wahlbezirks: Meldungen des Wahlvorstands, Meldezeiten, Nachrichten des Wahlamts' })
  @DistrictParams()
  @ApiResponseFrom(200, DistrictDaySchema)
  @ProblemResponses(401, 403, 404)
  districtDay(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
  ) {
    return this.day.districtDay(actor, electionId, districtId);
  }

  @Allow(...BOARD_AND_STAFF)
  @Post('districts/:districtId/polling-day/entries')
  @ApiOperation({
    summary: 'Meldung des Wahlvorstands senden (Anwesenheit, Eröffnung, Wahlbeteiligung, Vorkommnis)',
    description:
      '`id` erzeugt das Gerät einmal beim Speichern: ein erneutes Senden derselben Meldung antwortet 200 mit `replayed: true` und speichert nichts doppelt; eine andere Meldung unter derselben Kennung → 409.',
  })
  @DistrictParams()
  @ApiBodyFrom(sendPollingDayEntrySchema)
  @ApiResponseFrom(201, SentPollingDayEntrySchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  async sendEntry(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Body(new ZodBodyPipe(sendPollingDayEntrySchema)) body: SendPollingDayEntryRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.day.sendEntry(actor, electionId, districtId, body);
    response.status(result.status);
    return result.body;
  }

  @Allow('board-member')
  @Post('districts/:districtId/polling-day/messages/:messageId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lesebestätigung einer Nachricht des Wahlamts (das erste Lesen zählt)' })
  @DistrictParams()
  @ApiParam({ name: 'messageId', format: 'uuid' })
  @ProblemResponses(401, 403, 404)
  markRead(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Param('messageId', idPipe('Die Nachricht')) messageId: string,
  ) {
    return this.day.markRead(actor, electionId, districtId, messageId);
  }

  @Allow(...STAFF)
  @Get('polling-day/monitor')
  @ApiOperation({
    summary: 'Übersicht aller Wahllokale: letzter Kontakt, Anwesenheit, Eröffnung, Wahlbeteiligung, offene Vorkommnisse, Schnellmeldung',
  })
  @ElectionParam()
  @ApiResponseFrom(200, PollingDayMonitorSchema)
  @ProblemResponses(401, 403, 404)
  monitor(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.day.monitor(actor, electionId);
  }

  @Allow(...STAFF)
  @Put('polling-day/settings')
  @ApiOperation({ summary: 'Meldezeiten der Wahlbeteiligung und Frist, nach der ein stilles Wahllokal markiert wird' })
  @ElectionParam()
  @ApiBodyFrom(pollingDaySettingsSchema)
  @ProblemResponses(401, 403, 404, 422)
  saveSettings(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(pollingDaySettingsSchema)) body: PollingDaySettings,
  ) {
    return this.day.saveSettings(actor, electionId, body);
  }

  @Allow(...STAFF)
  @Post('polling-day/messages')
  @ApiOperation({
    summary: 'Nachricht an alle Wahllokale (`districtId: null`) oder an eines',
    description: '`id` einmal je Nachricht: erneutes Senden verschickt sie nicht doppelt.',
  })
  @ElectionParam()
  @ApiBodyFrom(sendOfficeMessageSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  sendMessage(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(sendOfficeMessageSchema)) body: SendOfficeMessageRequest,
  ) {
    return this.day.sendMessage(actor, electionId, body);
  }

  @Allow(...STAFF)
  @Post('polling-day/incidents/:entryId/acknowledge')
  @HttpCode(204)
  @ApiOperation({ summary: 'Vorkommnis zur Kenntnis genommen (zählt nicht mehr als offen)' })
  @ElectionParam()
  @ApiParam({ name: 'entryId', format: 'uuid' })
  @ProblemResponses(401, 403, 404)
  async acknowledge(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('entryId', idPipe('Das Vorkommnis')) entryId: string,
  ): Promise<void> {
    await this.day.acknowledgeIncident(actor, electionId, entryId);
  }

  @Allow(...STAFF)
  @Post('polling-day/turnout/:slot/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Wahlbeteiligung der Gemeinde zur Meldezeit veröffentlichen (Urnenwähler; Briefwahl nicht enthalten)' })
  @ElectionParam()
  @ApiParam({ name: 'slot', example: '14:00' })
  @ApiResponseFrom(200, PollingDayMonitorSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  publishTurnout(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string, @Param('slot') slot: string) {
    if (!SLOT.test(slot)) throw notFound('Die Meldezeit');
    return this.day.publishTurnout(actor, electionId, slot);
  }
}
