import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../platform/auth/access.decorator';
import { notFound } from '../../../platform/errors/app-error';
import { sendCached } from '../http/cached-response';
import { OPEN_DATA_FILES, OpenDataService } from './open-data.service';

const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('public results')
@Controller('public/elections/:electionId/open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Public()
  @Get(':file')
  @ApiOperation({
    summary: 'Offene Daten (votemanager-CSV je Gebietsebene, Listennamen und Wahlräume)',
    description:
      '`wahlbezirk.csv`, `stadtteil.csv`, `stadtbezirk.csv`, `gemeinde.csv`, `wahlkreis.csv`: Spalten `datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A1;A2;A3;A;B;B1;C;D;E;F;D1;F1;…` ' +
      '(UTF-8, Semikolon, ganze Zahlen, leere Zelle = entfällt). `listen.json`: welche Liste hinter D1, F1 … steht. ' +
      '`wahllokale.csv`/`wahllokale.json`: Wahlräume mit Anschrift, Barrierefreiheit und Wahlbezirken. JSON-Dateien mit `schemaVersion`. ' +
      'Beschreibung: docs/OPEN-DATA.md. ETag und Cache-Control wie die Ergebnisse.',
  })
  @ApiParam({ name: 'electionId', format: 'uuid' })
  @ApiParam({ name: 'file', enum: [...OPEN_DATA_FILES] })
  @ApiResponse({ status: 404, description: 'Wahl oder Datei nicht gefunden.' })
  async download(
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('file') file: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const download = await this.openData.download(electionId, file);
    const ascii = download.fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
    response.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`);
    sendCached(request, response, download.body, download.contentType);
  }
}
