import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  RegisterImportJobSchema,
  RegisterImportStatusListSchema,
  type RegisterImportJob,
  type RegisterImportStatus,
} from '@wahl/contracts';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import { OFFICE_STAFF, type Actor } from '../../../platform/auth/roles';
import { AppError } from '../../../platform/errors/app-error';
import { ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { jobIdPipe, ProblemResponses } from '../roll.openapi';
import { ElectionParam, electionIdPipe } from '../../../platform/openapi/route-params';
import { MultipartError, multipartBoundary, openMultipartFile } from './multipart-file';
import { importOptions, option } from './register-import.options';
import { RegisterImportService, type RegisterFileInput } from './register-import.service';
import { REGISTER_ENCODINGS } from './register-text-decoder';

const RAW_TYPES = /^(text\/csv|text\/plain|application\/octet-stream)\b/i;

const IMPORT_FLOW =
  'Die Datei wird beim Empfang gelesen (ohne sie ganz zu speichern), geprüft und in einer Transaktion übernommen – ganz oder gar nicht. ' +
  'Die Antwort kommt, wenn der Import beendet ist, und ist der Auftrag mit Ergebnis (`status` `succeeded` oder `failed`, Fehlerliste). ' +
  'Fortschritt währenddessen: Socket-Ereignis `roll:import` im Raum der Wahl (`office:join-election`) oder `GET …/register-imports` abfragen. ' +
  'Derselbe Inhalt noch einmal (SHA-256) wird erkannt und ändert nichts (`unchanged: true`).';

@ApiTags('roll: register import')
@Controller('elections/:electionId/register-imports')
export class RegisterImportsController {
  constructor(private readonly imports: RegisterImportService) {}

  @Allow(...OFFICE_STAFF)
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Melderegister-Export importieren (Datei)', description: IMPORT_FLOW })
  @ElectionParam()
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({
    description:
      'multipart/form-data mit dem Feld `file` (optional vorher die Felder `encoding`, `skipInvalid`) – oder die CSV-Datei selbst als Body (`text/csv`).',
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        encoding: { type: 'string', enum: [...REGISTER_ENCODINGS] },
        skipInvalid: { type: 'boolean' },
      },
    },
  })
  @ApiQuery({
    name: 'encoding',
    required: false,
    enum: REGISTER_ENCODINGS,
    description: '`auto` (Standard): UTF-8-BOM oder gültiges UTF-8 → UTF-8, sonst Windows-1252.',
  })
  @ApiQuery({
    name: 'skipInvalid',
    required: false,
    type: Boolean,
    description: 'Fehlerhafte Zeilen auslassen (Bericht unter `rejectedReportUrl`) statt den Import scheitern zu lassen.',
  })
  @ApiResponseFrom(201, RegisterImportJobSchema, 'Der beendete Auftrag (auch wenn er fehlgeschlagen ist).')
  @ProblemResponses(401, 403, 404, 409, 422)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ): Promise<RegisterImportJob> {
    // Tenancy first: nothing of another office's election is touched, not even the request body.
    await this.imports.assertAccess(actor, electionId);
    const contentType = request.headers['content-type'];
    const length = Number(request.headers['content-length']);
    const totalBytes = Number.isFinite(length) && length > 0 ? length : null;
    const boundary = multipartBoundary(contentType);
    const queryOptions = { encoding: option(query['encoding']), skipInvalid: option(query['skipInvalid']) };
    if (boundary) {
      // Tenancy is checked by the service before the first byte of the file is read.
      let file;
      try {
        file = await openMultipartFile(request, boundary, 'file');
      } catch (error) {
        if (error instanceof MultipartError)
          throw new AppError('VALIDATION_FAILED', error.message, [{ path: '$.file', message: error.message }]);
        throw error;
      }
      const options = importOptions({
        encoding: queryOptions.encoding ?? file.fields.get('encoding'),
        skipInvalid: queryOptions.skipInvalid ?? file.fields.get('skipInvalid'),
      });
      const input: RegisterFileInput = { body: guardMultipart(file.content), fileName: file.fileName, totalBytes, source: 'upload' };
      return this.imports.importFile(actor, electionId, input, options);
    }
    if (!contentType || !RAW_TYPES.test(contentType)) {
      throw new AppError('VALIDATION_FAILED', 'Bitte die Datei als multipart/form-data (Feld „file“) oder als text/csv senden.', [
        { path: '$', message: `Nicht unterstützter Inhaltstyp: ${contentType ?? 'keiner'}.` },
      ]);
    }
    return this.imports.importFile(
      actor,
      electionId,
      { body: request, fileName: null, totalBytes, source: 'upload' },
      importOptions(queryOptions),
    );
  }

  @Allow(...OFFICE_STAFF)
  @Get()
  @ApiOperation({
    summary: 'Importe der Wahl, neueste zuerst (ohne Fehlerlisten)',
    description: 'Zum Abfragen des Fortschritts eines laufenden Imports.',
  })
  @ElectionParam()
  @ApiResponseFrom(200, RegisterImportStatusListSchema)
  @ProblemResponses(401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<RegisterImportStatus[]> {
    return this.imports.list(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Get(':jobId')
  @ApiOperation({ summary: 'Ein Import mit Fortschritt und Fehlerliste' })
  @ElectionParam()
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiResponseFrom(200, RegisterImportJobSchema)
  @ProblemResponses(401, 403, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('jobId', jobIdPipe) jobId: string,
  ): Promise<RegisterImportJob> {
    return this.imports.get(actor, electionId, jobId);
  }

  @Allow(...OFFICE_STAFF)
  @Get(':jobId/rejected.csv')
  @ApiOperation({
    summary: 'Bericht der ausgelassenen Zeilen (mit skipInvalid)',
    description: 'CSV (`;`, UTF-8 mit BOM): zeile; spalte; wert; grund.',
  })
  @ElectionParam()
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiProduces('text/csv')
  @ProblemResponses(401, 403, 404)
  async rejected(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('jobId', jobIdPipe) jobId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const lines = this.imports.rejectedCsv(actor, electionId, jobId);
    // The first chunk is taken here, so a missing job is still answered as a problem (404).
    const first = await lines.next();
    async function* all(): AsyncGenerator<string> {
      if (!first.done) yield first.value;
      yield* lines;
    }
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Readable.from(all()), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="ausgelassene-zeilen-${jobId}.csv"`,
    });
  }
}

/** A broken multipart body becomes an error the import reports, not an unexpected one. */
async function* guardMultipart(content: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* content;
  } catch (error) {
    if (error instanceof MultipartError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
}
