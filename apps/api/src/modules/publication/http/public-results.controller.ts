import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../platform/auth/access.decorator';
import { electionIdPipe, versionPipe } from '../../../platform/openapi/route-params';
import { CURRENT_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL, sendCached } from './cached-response';
import { PublicElectionGet } from './public-election-route';
import { PublicElectionsService } from './public-elections.service';

const CACHING =
  'Starker `ETag` je Version (`If-None-Match` → 304), `Last-Modified` (`If-Modified-Since` → 304), `Cache-Control: public, max-age=5, s-maxage=5, stale-while-revalidate=30`, gzip bei `Accept-Encoding: gzip`. ' +
  'Nur bestätigte, zusammengefasste Ergebnisse (R8.5): kleine Wahlbezirke zusammengelegt (`publication.kind = merged`, beide mit der Summe) oder ohne Zahlen (`withheld`).';

const AREA_ID = { name: 'areaId', description: '`constituency`, `municipality` oder die Id eines Wahlbezirks' };

@ApiTags('public results')
@ApiHeader({ name: 'If-None-Match', required: false })
@Controller('public/elections')
export class PublicResultsController {
  constructor(private readonly elections: PublicElectionsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Wahlen mit öffentlichen Ergebnissen', description: `\`PublicElectionSummary[]\`. ${CACHING}` })
  @ApiOkResponse({ description: '`[{ electionId, name, kind, electionDay, municipalityName, status, reported, expected, updatedAt }]`' })
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendCached(request, response, await this.elections.elections());
  }

  @PublicElectionGet(
    ':electionId',
    {
      summary: 'Ergebnisse einer Wahl (alle Gebiete)',
      description: `\`PublicElectionSnapshot\` mit \`version\`; live dieselben Daten über Socket.IO (Pfad \`/socket.io\`, Namensraum \`/public\`, \`join\` → \`snapshot\`, dann \`delta\`). ${CACHING}`,
    },
    'Wahl nicht gefunden.',
  )
  async snapshot(
    @Param('electionId', electionIdPipe) electionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.elections.snapshot(electionId));
  }

  @PublicElectionGet(
    ':electionId/areas/:areaId',
    {
      summary: 'Ergebnisse eines Gebiets mit seinen Untergebieten',
      description: `\`PublicElectionSnapshot\`, beschränkt auf den Weg von oben bis zum Gebiet und alles darunter (\`areas\`, \`results\`); für das oberste Gebiet nur dessen direkte Untergebiete (die ganze Wahl: \`GET …/{electionId}\`). Liegt der Partner eines zusammengefassten Bezirks (R8.5) außerhalb, steht er nur in \`areas\`. Live dieselbe Sicht über Socket.IO: \`join\` mit \`{ electionId, areaId }\` → \`snapshot\`, dann nur deren \`delta\`s. ${CACHING}`,
    },
    'Wahl oder Gebiet nicht gefunden.',
  )
  @ApiParam(AREA_ID)
  async area(
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('areaId') areaId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.elections.area(electionId, areaId));
  }

  @PublicElectionGet(
    ':electionId/current',
    {
      summary: 'Zeiger auf die aktuell veröffentlichte Version',
      description:
        '`PublicCurrentVersion`: `version`, `updatedAt`, `status` und die unveränderlichen Adressen dieser Version (`snapshot`, `area` mit `{areaId}`, `openData` mit `{file}`), `rootAreaId` und `districts` (Zahl der Wahlbezirke: ab welcher Größe die Übersicht nur die oberste Ebene lädt). ' +
        '`Cache-Control: public, max-age=2, s-maxage=2, stale-while-revalidate=30`, `ETag`, `Last-Modified`.',
    },
    'Wahl nicht gefunden.',
  )
  async current(
    @Param('electionId', electionIdPipe) electionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.elections.current(electionId), undefined, CURRENT_CACHE_CONTROL);
  }

  @PublicElectionGet(
    ':electionId/v/:version',
    {
      summary: 'Ergebnisse einer Wahl in einer Version (unveränderlich)',
      description: `Wie \`GET /api/public/elections/{electionId}\`, aber unter einer Adresse je Version: \`Cache-Control: ${IMMUTABLE_CACHE_CONTROL}\`. Die aktuell veröffentlichte Version, und eine soeben abgelöste, solange dieser Prozess ihre Antwort noch hält (35 s, nur was er damals ausgeliefert hat); jede andere Nummer → 404 (nicht gespeichert). Eine soeben veröffentlichte Version, die dieser Prozess noch nicht hält, beantwortet er, sobald sie ankommt (höchstens 2 s).`,
    },
    'Wahl nicht gefunden, oder die Version ist hier nicht (mehr) abrufbar.',
  )
  async versioned(
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('version', versionPipe) version: number,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.elections.versioned(electionId, version), undefined, IMMUTABLE_CACHE_CONTROL);
  }

  @PublicElectionGet(
    ':electionId/v/:version/areas/:areaId',
    {
      summary: 'Ergebnisse eines Gebiets in einer Version (unveränderlich)',
      description: `Wie \`…/areas/{areaId}\`, unter einer Adresse je Version: \`Cache-Control: ${IMMUTABLE_CACHE_CONTROL}\`.`,
    },
    'Wahl oder Gebiet nicht gefunden, oder die Version ist hier nicht (mehr) abrufbar.',
  )
  @ApiParam(AREA_ID)
  async versionedArea(
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('version', versionPipe) version: number,
    @Param('areaId') areaId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.elections.versioned(electionId, version, areaId), undefined, IMMUTABLE_CACHE_CONTROL);
  }
}
