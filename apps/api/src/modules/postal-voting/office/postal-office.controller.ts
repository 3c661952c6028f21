import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  isUuid,
  PostalApplicationPageSchema,
  PostalApplicationSchema,
  PostalCertificatePageSchema,
  PostalFiguresSchema,
  PostalInvalidateOutcomeSchema,
  PostalInvalidateRequestSchema,
  PostalIssueBatchListSchema,
  PostalIssueOutcomeSchema,
  PostalIssueRequestSchema,
  PostalPaperApplicationRequestSchema,
  PostalRejectRequestSchema,
  PostalRepeatNoticePageSchema,
  PostalRepeatNoticeSchema,
  PostalSupplementaryListSchema,
  type PostalApplication,
  type PostalApplicationPage,
  type PostalCertificatePage,
  type PostalFigures,
  type PostalInvalidateOutcome,
  type PostalInvalidateRequest,
  type PostalIssueBatchList,
  type PostalIssueOutcome,
  type PostalIssueRequest,
  type PostalPaperApplicationRequest,
  type PostalRejectRequest,
  type PostalRepeatNotice,
  type PostalRepeatNoticePage,
  type PostalSupplementaryList,
} from '@wahl/contracts';
import {
  CERTIFICATE_STATUSES,
  parseApplicationReference,
  POSTAL_APPLICATION_CHANNELS,
  POSTAL_APPLICATION_STATES,
  POSTAL_DELIVERY_KINDS,
} from '@wahl/domain';
import type { Response } from 'express';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import { OFFICE_STAFF, type Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../../roll/roll.openapi';
import { districtIdPipe, ElectionParam, electionIdPipe } from '../../../platform/openapi/route-params';
import { CertificateListsService } from './certificate-lists.service';
import { IssuingService } from './issuing.service';
import { OfficeApplicationsService } from './office-applications.service';
import { PostalFiguresService } from './postal-figures.service';
import { BodyLimit } from '../../../platform/validation/json-body';

const applicationIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Antrag') });
const certificateIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Wahlschein') });
const noticeIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Benachrichtigung') });
const batchIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Ausstellungslauf') });

const invalid = (name: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', `Ungültiger Wert für ${name}.`, [{ path: `$.${name}`, message }]);

function pick<T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(name, `Erlaubt sind ${allowed.join(', ')}.`);
}

function count(value: unknown, fallback: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) throw invalid(name, `Ganze Zahl von 0 bis ${max}.`);
  return number;
}

function uuid(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (isUuid(value)) return value;
  throw invalid(name, 'Eine Id (UUID).');
}

function yesNo(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalid(name, 'true oder false.');
}

export const pdfFile = (response: Response, pdf: Buffer, fileName: string): StreamableFile => {
  response.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
};

const ApplicationParam = () => ApiParam({ name: 'applicationId', format: 'uuid' });
const CertificateParam = () => ApiParam({ name: 'certificateId', format: 'uuid' });

/** Office staff: work queue, paper applications, issuing, certificates and their lists and PDFs. */
@ApiTags('postal-voting')
@Controller('elections/:electionId/postal-voting')
export class PostalOfficeController {
  constructor(
    private readonly applications: OfficeApplicationsService,
    private readonly issuing: IssuingService,
    private readonly lists: CertificateListsService,
    private readonly figures: PostalFiguresService,
  ) {}

  @Allow(...OFFICE_STAFF)
  @Get('applications')
  @ApiOperation({ summary: 'Arbeitsliste der Wahlscheinanträge (älteste zuerst), mit Filtern' })
  @ElectionParam()
  @ApiQuery({ name: 'state', required: false, enum: POSTAL_APPLICATION_STATES })
  @ApiQuery({ name: 'channel', required: false, enum: POSTAL_APPLICATION_CHANNELS })
  @ApiQuery({ name: 'delivery', required: false, enum: POSTAL_DELIVERY_KINDS })
  @ApiQuery({ name: 'districtId', required: false, type: String })
  @ApiQuery({ name: 'representative', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'reference', required: false, type: String, description: 'Antragsnummer, z. B. A-0000042-2' })
  @ApiQuery({ name: 'voterId', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: 'Standard 100, höchstens 1.000.' })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiResponseFrom(200, PostalApplicationPageSchema, 'Anträge mit Eintrag im Wählerverzeichnis, älteste zuerst')
  @ProblemResponses(401, 403, 404, 422)
  list(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<PostalApplicationPage> {
    let serial: number | undefined;
    if (query['reference'] !== undefined && query['reference'] !== '') {
      serial = parseApplicationReference(String(query['reference'])) ?? undefined;
      if (serial === undefined) throw invalid('reference', 'Antragsnummer wie A-0000042-2 (Prüfziffer stimmt nicht).');
    }
    const voterId = query['voterId'] === undefined ? undefined : count(query['voterId'], 0, 2_147_483_647, 'voterId');
    return this.applications.list(actor, electionId, {
      state: pick(query['state'], POSTAL_APPLICATION_STATES, 'state'),
      channel: pick(query['channel'], POSTAL_APPLICATION_CHANNELS, 'channel'),
      delivery: pick(query['delivery'], POSTAL_DELIVERY_KINDS, 'delivery'),
      districtId: uuid(query['districtId'], 'districtId'),
      representative: yesNo(query['representative'], 'representative'),
      ...(serial !== undefined ? { serial } : {}),
      ...(voterId !== undefined ? { voterId } : {}),
      limit: count(query['limit'], 100, 1000, 'limit'),
      offset: count(query['offset'], 0, 10_000_000, 'offset'),
    });
  }

  @Allow(...OFFICE_STAFF)
  @BodyLimit('8mb') // a scanned authority of up to 5 MB as base64 (BWO § 27(3))
  @Post('applications')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Schriftlichen oder mündlichen Antrag erfassen (Person aus der Wählersuche)',
    description:
      'Zählt ab Eingang (`receivedAt`); nach der Frist nur bei plötzlicher Erkrankung bis Wahltag 15 Uhr (BWO § 27(4)). Ein zweiter Antrag: 409 mit dem Stand des ersten.',
  })
  @ElectionParam()
  @ApiBodyFrom(PostalPaperApplicationRequestSchema)
  @ApiResponseFrom(201, PostalApplicationSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  enterPaper(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(PostalPaperApplicationRequestSchema)) body: PostalPaperApplicationRequest,
  ): Promise<PostalApplication> {
    return this.applications.enterPaper(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Get('applications/:applicationId')
  @ApiOperation({ summary: 'Ein Antrag' })
  @ElectionParam()
  @ApplicationParam()
  @ApiResponseFrom(200, PostalApplicationSchema)
  @ProblemResponses(401, 403, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('applicationId', applicationIdPipe) applicationId: string,
  ): Promise<PostalApplication> {
    return this.applications.get(actor, electionId, applicationId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('repeat-notices')
  @ApiOperation({
    summary: 'Zu benachrichtigende Personen: weiterer Online-Antrag trotz bestehendem Antrag',
    description:
      'Die öffentliche Antwort auf einen weiteren Antrag ist die eines neuen (nichts vom ersten Antrag); das Wahlamt teilt der Person den ' +
      'Stand ihres Antrags per Post oder E-Mail mit (`message`) und markiert die Benachrichtigung als erledigt.',
  })
  @ElectionParam()
  @ApiQuery({ name: 'open', required: false, enum: ['true', 'false'], description: 'Standard true: nur nicht erledigte.' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: 'Standard 100, höchstens 1.000.' })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiResponseFrom(200, PostalRepeatNoticePageSchema)
  @ProblemResponses(401, 403, 404, 422)
  repeatNotices(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<PostalRepeatNoticePage> {
    return this.applications.repeatNotices(actor, electionId, {
      open: yesNo(query['open'], 'open') ?? true,
      limit: count(query['limit'], 100, 1000, 'limit'),
      offset: count(query['offset'], 0, 10_000_000, 'offset'),
    });
  }

  @Allow(...OFFICE_STAFF)
  @Post('repeat-notices/:noticeId/done')
  @HttpCode(200)
  @ApiOperation({ summary: 'Benachrichtigung als erledigt markieren (Brief oder E-Mail versandt)' })
  @ElectionParam()
  @ApiParam({ name: 'noticeId', format: 'uuid' })
  @ApiResponseFrom(200, PostalRepeatNoticeSchema)
  @ProblemResponses(401, 403, 404)
  repeatNoticeDone(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('noticeId', noticeIdPipe) noticeId: string,
  ): Promise<PostalRepeatNotice> {
    return this.applications.markRepeatNoticeDone(actor, electionId, noticeId);
  }

  @Allow(...OFFICE_STAFF)
  @Post('applications/:applicationId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Antrag ablehnen (mit Begründung)' })
  @ElectionParam()
  @ApplicationParam()
  @ApiBodyFrom(PostalRejectRequestSchema)
  @ApiResponseFrom(200, PostalApplicationSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  reject(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('applicationId', applicationIdPipe) applicationId: string,
    @Body(new ZodBodyPipe(PostalRejectRequestSchema)) body: PostalRejectRequest,
  ): Promise<PostalApplication> {
    return this.applications.reject(actor, electionId, applicationId, body.reason);
  }

  @Allow(...OFFICE_STAFF)
  @Get('applications/:applicationId/authority')
  @ApiOperation({ summary: 'Hochgeladene schriftliche Vollmacht (BWO § 27(3))' })
  @ElectionParam()
  @ApplicationParam()
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ProblemResponses(401, 403, 404)
  async authority(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('applicationId', applicationIdPipe) applicationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.applications.authorityDocument(actor, electionId, applicationId);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.content, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName.replace(/"/g, '')}"`,
    });
  }

  @Allow(...OFFICE_STAFF)
  @Post('issue')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Wahlscheine für Anträge ausstellen (bis 1.000 auf einmal)',
    description:
      'Je Antrag ein Wahlschein mit der nächsten laufenden Nummer, „W“ im Wählerverzeichnis (R1.15), A1/A2 folgen. Nicht mögliche Anträge stehen mit Grund in `skipped`. Wahlscheine und Etiketten des Laufs: `batches/{batchId}/…`; mit `batchId` eines früheren Aufrufs setzt ein Aufruf diesen Lauf fort (ein Lauf in Teilen, ein PDF).',
  })
  @ElectionParam()
  @ApiBodyFrom(PostalIssueRequestSchema)
  @ApiResponseFrom(200, PostalIssueOutcomeSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  issue(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(PostalIssueRequestSchema)) body: PostalIssueRequest,
  ): Promise<PostalIssueOutcome> {
    return this.issuing.issue(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Get('batches')
  @ApiOperation({
    summary: 'Die letzten Ausstellungsläufe, neueste zuerst',
    description:
      'Je Lauf Beginn, Ende, Zahl der gültigen Wahlscheine und wer ausgestellt hat; auch abgebrochene Läufe, deren Wahlscheine und Etiketten `batches/{batchId}/…` weiter liefern. Höchstens 30 Läufe mit gültigen Wahlscheinen (eine Ausstellung am Schalter ist ein Lauf mit einem Wahlschein).',
  })
  @ElectionParam()
  @ApiResponseFrom(200, PostalIssueBatchListSchema)
  @ProblemResponses(401, 403, 404)
  batches(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<PostalIssueBatchList> {
    return this.lists.batches(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('batches/:batchId/wahlscheine.pdf')
  @ApiOperation({ summary: 'Wahlscheine eines Ausstellungslaufs (PDF, eine Seite je Wahlschein)' })
  @ElectionParam()
  @ApiParam({ name: 'batchId', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ProblemResponses(401, 403, 404)
  async batchCertificates(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('batchId', batchIdPipe) batchId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.lists.batchPdf(actor, electionId, batchId, 'certificates');
    return pdfFile(response, pdf, fileName);
  }

  @Allow(...OFFICE_STAFF)
  @Get('batches/:batchId/etiketten.pdf')
  @ApiOperation({ summary: 'Adressetiketten eines Ausstellungslaufs (PDF, A4-Etikettenbogen)' })
  @ElectionParam()
  @ApiParam({ name: 'batchId', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ProblemResponses(401, 403, 404)
  async batchLabels(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('batchId', batchIdPipe) batchId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.lists.batchPdf(actor, electionId, batchId, 'labels');
    return pdfFile(response, pdf, fileName);
  }

  @Allow(...OFFICE_STAFF)
  @Get('figures')
  @ApiOperation({
    summary: 'Zahlen der Briefwahlstelle je Tag (Europe/Berlin): eingegangene und abgelehnte Anträge, erteilte und ungültige Wahlscheine',
  })
  @ElectionParam()
  @ApiResponseFrom(200, PostalFiguresSchema)
  @ProblemResponses(401, 403, 404)
  figuresPerDay(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<PostalFigures> {
    return this.figures.figuresOf(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('certificates')
  @ApiOperation({ summary: 'Wahlscheinverzeichnis: erteilte (`valid`) und für ungültig erklärte (`invalid`) Wahlscheine' })
  @ElectionParam()
  @ApiQuery({ name: 'status', required: false, enum: CERTIFICATE_STATUSES })
  @ApiQuery({ name: 'districtId', required: false, type: String })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiResponseFrom(200, PostalCertificatePageSchema)
  @ProblemResponses(401, 403, 404, 422)
  certificates(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<PostalCertificatePage> {
    const status = pick(query['status'], CERTIFICATE_STATUSES, 'status');
    const districtId = uuid(query['districtId'], 'districtId');
    return this.lists.list(actor, electionId, {
      ...(status ? { status } : {}),
      ...(districtId ? { districtId } : {}),
      limit: count(query['limit'], 100, 1000, 'limit'),
      offset: count(query['offset'], 0, 10_000_000, 'offset'),
    });
  }

  @Allow(...OFFICE_STAFF)
  @Get('certificates.csv')
  @ApiOperation({ summary: 'Wahlscheinverzeichnis als CSV (`;`, UTF-8 mit BOM), optional nur gültige oder ungültige' })
  @ElectionParam()
  @ApiQuery({ name: 'status', required: false, enum: CERTIFICATE_STATUSES })
  @ApiProduces('text/csv')
  @ProblemResponses(401, 403, 404, 422)
  async certificatesCsv(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { text, fileName } = await this.lists.csv(actor, electionId, pick(query['status'], CERTIFICATE_STATUSES, 'status'));
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Buffer.from(text, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  @Allow(...OFFICE_STAFF)
  @Get('certificates/:certificateId/wahlschein.pdf')
  @ApiOperation({ summary: 'Einen Wahlschein drucken (PDF)' })
  @ElectionParam()
  @CertificateParam()
  @ApiProduces('application/pdf')
  @ProblemResponses(401, 403, 404, 409)
  async certificatePdf(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('certificateId', certificateIdPipe) certificateId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.lists.certificatePdf(actor, electionId, certificateId);
    return pdfFile(response, pdf, fileName);
  }

  @Allow(...OFFICE_STAFF)
  @Post('certificates/:certificateId/invalidate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Wahlschein für ungültig erklären (mit Grund), optional Ersatz mit neuer Nummer',
    description: 'Das „W“ bleibt. Verlorene Wahlscheine werden nicht ersetzt; Ersatz bis zum Tag vor der Wahl, 12 Uhr.',
  })
  @ElectionParam()
  @CertificateParam()
  @ApiBodyFrom(PostalInvalidateRequestSchema)
  @ApiResponseFrom(200, PostalInvalidateOutcomeSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  invalidate(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('certificateId', certificateIdPipe) certificateId: string,
    @Body(new ZodBodyPipe(PostalInvalidateRequestSchema)) body: PostalInvalidateRequest,
  ): Promise<PostalInvalidateOutcome> {
    return this.issuing.invalidate(actor, electionId, certificateId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Get('districts/:districtId/supplementary-list')
  @ApiOperation({
    summary: 'Nachtragsliste „W“ eines Wahlbezirks (R1.16): nach Abschluss erteilte und ungültige Wahlscheine, A1/A2 bisher und jetzt',
  })
  @ElectionParam()
  @ApiParam({ name: 'districtId', format: 'uuid' })
  @ApiResponseFrom(200, PostalSupplementaryListSchema)
  @ProblemResponses(401, 403, 404)
  supplementaryList(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
  ): Promise<PostalSupplementaryList> {
    return this.lists.supplementaryList(actor, electionId, districtId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('districts/:districtId/supplementary-list.pdf')
  @ApiOperation({ summary: 'Nachtragsliste „W“ eines Wahlbezirks für den Wahlvorstand (PDF)' })
  @ElectionParam()
  @ApiParam({ name: 'districtId', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ProblemResponses(401, 403, 404, 409)
  async supplementaryListPdf(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.lists.supplementaryListPdf(actor, electionId, districtId);
    return pdfFile(response, pdf, fileName);
  }
}
