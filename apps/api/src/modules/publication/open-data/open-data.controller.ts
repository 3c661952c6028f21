import { Controller, Param, Req, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { electionIdPipe, versionPipe } from '../../../platform/openapi/route-params';
import { IMMUTABLE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, sendCached } from '../http/cached-response';
import { PublicElectionGet } from '../http/public-election-route';
import { OPEN_DATA_FILES, OpenDataService, type OpenDataDownload } from './open-data.service';

/** The file as a download under its own name, with the caching headers of its address. */
function sendDownload(request: Request, response: Response, download: OpenDataDownload, cacheControl: string): void {
  const ascii = download.fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
  response.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`);
  sendCached(request, response, download.body, download.contentType, cacheControl);
}

@ApiTags('public results')
@Controller('public/elections/:electionId')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @PublicElectionGet(
    'open-data/:file',
    {
      summary: 'Offene Daten (votemanager-CSV je Gebietsebene, Listennamen und Wahlräume)',
      description:
        '`wahlbezirk.csv`, `stadtteil.csv`, `stadtbezirk.csv`, `gemeinde.csv`, `wahlkreis.csv`: Spalten `datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A1;A2;A3;A;B;B1;C;D;E;F;D1;F1;…` ' +
        '(UTF-8, Semikolon, ganze Zahlen, leere Zelle = entfällt). `listen.json`: welche Liste hinter D1, F1 … steht. ' +
        '`wahllokale.csv`/`wahllokale.json`: Wahlräume mit Anschrift, Barrierefreiheit und Wahlbezirken. JSON-Dateien mit `schemaVersion`. ' +
        'Beschreibung: docs/OPEN-DATA.md. ETag und Cache-Control wie die Ergebnisse.',
    },
    'Wahl oder Datei nicht gefunden.',
  )
  @ApiParam({ name: 'file', enum: [...OPEN_DATA_FILES] })
  async download(
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('file') file: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendDownload(request, response, await this.openData.download(electionId, file), PUBLIC_CACHE_CONTROL);
  }

  @PublicElectionGet(
    'v/:version/open-data/:file',
    {
      summary: 'Offene Daten einer Version (unveränderlich)',
      description: `Wie \`…/open-data/{file}\`, unter einer Adresse je Version (\`…/current\` nennt sie): \`Cache-Control: ${IMMUTABLE_CACHE_CONTROL}\`. Die aktuelle Version, und eine soeben abgelöste wie bei den Ergebnissen (35 s, nur bereits ausgelieferte Dateien); \`gewaehlte.csv\` ändert sich mit der Feststellung des Gemeinderats, nicht mit einer Version, und hat keine solche Adresse.`,
    },
    'Wahl oder Datei nicht gefunden, oder die Version ist hier nicht (mehr) abrufbar.',
  )
  @ApiParam({ name: 'file', enum: OPEN_DATA_FILES.filter((file) => file !== 'gewaehlte.csv') })
  async versioned(
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('version', versionPipe) version: number,
    @Param('file') file: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendDownload(request, response, await this.openData.versioned(electionId, version, file), IMMUTABLE_CACHE_CONTROL);
  }
}
