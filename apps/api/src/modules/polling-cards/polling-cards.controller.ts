import { createReadStream } from 'node:fs';
import { applyDecorators, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CARD_LAYOUTS,
  CardReplacementSchema,
  CreateCardJobSchema,
  PollingCardJobDetailSchema,
  PollingCardJobListSchema,
  PollingCardJobSchema,
  type CardLayout,
  type CardReplacementRequest,
  type CreateCardJobRequest,
  type PollingCardJob,
  type PollingCardJobDetail,
} from '@wahl/contracts';
import type { Response } from 'express';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { OFFICE_STAFF, type Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { PollingCardsService } from './polling-cards.service';

// A malformed id is answered like an unknown one, so ids of other offices cannot be probed.
const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });
const jobIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Druckauftrag') });

const PROBLEMS: Record<number, string> = {
  401: 'Nicht angemeldet.',
  403: 'Nur für Mitarbeitende des Wahlamts.',
  404: 'Wahl, Auftrag, Datei oder Eintrag nicht gefunden – auch bei Wahlen anderer Wahlämter.',
  409: 'Nicht möglich im jetzigen Zustand (kein Verzeichnis, Auftrag läuft, schon gedruckt); `detail` sagt warum.',
  422: 'Ungültige Angaben: `errors[]` mit `path` und `message`.',
};

const Problems = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEMS[status] ?? 'Fehler',
        content: { 'application/problem+json': { schema: { type: 'object' } } },
      }),
    ),
  );
const ElectionParam = () => ApiParam({ name: 'electionId', format: 'uuid', description: 'Id der Wahl' });
const JobParam = () => ApiParam({ name: 'jobId', format: 'uuid', description: 'Id des Druckauftrags' });

function optionalVoterId(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new AppError('VALIDATION_FAILED', 'Ungültige Angaben.', [{ path: '$.voterId', message: 'Ganze Zahl ab 1.' }]);
  return number;
}

function optionalLayout(value: unknown): CardLayout | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (CARD_LAYOUTS as readonly string[]).includes(value)) return value as CardLayout;
  throw new AppError('VALIDATION_FAILED', 'Ungültige Angaben.', [
    { path: '$.layout', message: `Erlaubt sind ${CARD_LAYOUTS.join(', ')}.` },
  ]);
}

@ApiTags('polling-cards')
@Controller('elections/:electionId/polling-cards')
export class PollingCardsController {
  constructor(private readonly cards: PollingCardsService) {}

  @Allow(...OFFICE_STAFF)
  @Get('jobs')
  @ApiOperation({ summary: 'Druckaufträge der Wahlbenachrichtigungen einer Wahl (neueste zuerst)' })
  @ElectionParam()
  @ApiResponseFrom(200, PollingCardJobListSchema)
  @Problems(401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<PollingCardJob[]> {
    return this.cards.list(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Post('jobs')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Druckauftrag anlegen und im Hintergrund drucken',
    description:
      '`main`: alle Wahlberechtigten des Verzeichnisses, sortiert nach Postleitzahl, Straße, Hausnummer (R3.10), in Losen zu 5.000 Stück; sperrt die ' +
      'Wählerverzeichnis-Nummern (R1.14). `follow-up`: nur später Eingetragene ohne Karte (R3.4). Fortschritt über GET und das Socket-Ereignis `cards:job` im Raum der Wahl.',
  })
  @ElectionParam()
  @ApiBodyFrom(CreateCardJobSchema)
  @ApiResponseFrom(202, PollingCardJobSchema, 'Der angelegte Auftrag; er druckt im Hintergrund.')
  @Problems(401, 403, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(CreateCardJobSchema)) body: CreateCardJobRequest,
  ): Promise<PollingCardJob> {
    return this.cards.createAndStart(actor, electionId, body.kind, { layout: body.layout });
  }

  @Allow(...OFFICE_STAFF)
  @Get('jobs/:jobId')
  @ApiOperation({ summary: 'Stand eines Druckauftrags: erledigt, gesamt, Stück je Sekunde, Restzeit, Dateien' })
  @ElectionParam()
  @JobParam()
  @ApiResponseFrom(200, PollingCardJobDetailSchema)
  @Problems(401, 403, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('jobId', jobIdPipe) jobId: string,
  ): Promise<PollingCardJobDetail> {
    return this.cards.get(actor, electionId, jobId);
  }

  @Allow(...OFFICE_STAFF)
  @Post('jobs/:jobId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Druckauftrag abbrechen (fertige Lose bleiben; Fortsetzen mit /resume)' })
  @ElectionParam()
  @JobParam()
  @ApiResponseFrom(200, PollingCardJobSchema)
  @Problems(401, 403, 404, 409)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('jobId', jobIdPipe) jobId: string,
  ): Promise<PollingCardJob> {
    return this.cards.cancel(actor, electionId, jobId);
  }

  @Allow(...OFFICE_STAFF)
  @Post('jobs/:jobId/resume')
  @HttpCode(202)
  @ApiOperation({ summary: 'Abgebrochenen oder fehlgeschlagenen Auftrag beim ersten unfertigen Los fortsetzen' })
  @ElectionParam()
  @JobParam()
  @ApiResponseFrom(202, PollingCardJobSchema)
  @Problems(401, 403, 404, 409)
  resume(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('jobId', jobIdPipe) jobId: string,
  ): Promise<PollingCardJob> {
    return this.cards.resume(actor, electionId, jobId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('jobs/:jobId/files/:fileName')
  @ApiOperation({ summary: 'Eine Datei des Auftrags: Los-PDF, Stückliste (CSV) oder Manifest (JSON, CSV)' })
  @ApiProduces('application/pdf', 'text/csv', 'application/json')
  @ElectionParam()
  @JobParam()
  @ApiParam({ name: 'fileName', description: 'Name wie in `files[]` des Auftrags' })
  @Problems(401, 403, 404)
  async file(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('jobId', jobIdPipe) jobId: string,
    @Param('fileName') fileName: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { path, type } = await this.cards.file(actor, electionId, jobId, fileName);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(createReadStream(path), { type, disposition: `attachment; filename="${fileName}"` });
  }

  @Allow(...OFFICE_STAFF)
  @Post('replacements')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Ersatz-Wahlbenachrichtigung für eine verlorene Karte',
    description:
      'Druckt sofort eine als „Ersatz“ gekennzeichnete Karte mit neuem QR-Code (der alte wird ungültig); der Auftrag hält fest, wer sie wann und warum erstellt hat.',
  })
  @ElectionParam()
  @ApiBodyFrom(CardReplacementSchema)
  @ApiResponseFrom(201, PollingCardJobDetailSchema, 'Der fertige Auftrag mit der Ersatzkarte.')
  @Problems(401, 403, 404, 409, 422)
  replacement(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(CardReplacementSchema)) body: CardReplacementRequest,
  ): Promise<PollingCardJobDetail> {
    return this.cards.replacement(actor, electionId, body.voterId, body.reason);
  }

  @Allow(...OFFICE_STAFF)
  @Get('preview')
  @ApiOperation({ summary: 'Vorschau einer Karte (PDF): Musterdaten oder ein gewählter Eintrag; der QR-Code ist kein gültiger Zugang' })
  @ApiProduces('application/pdf')
  @ElectionParam()
  @ApiQuery({ name: 'voterId', required: false, type: Number })
  @ApiQuery({ name: 'layout', required: false, enum: CARD_LAYOUTS })
  @Problems(401, 403, 404, 422)
  async preview(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Query('voterId') voterId: unknown,
    @Query('layout') layout: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const pdf = await this.cards.preview(actor, electionId, { voterId: optionalVoterId(voterId), layout: optionalLayout(layout) });
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: 'inline; filename="wahlbenachrichtigung-vorschau.pdf"' });
  }
}
