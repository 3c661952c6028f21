import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../platform/auth/access.decorator';
import { notFound } from '../../../platform/errors/app-error';
import { FIXED_CACHE_CONTROL, sendJson } from '../http/cached-response';
import { ThrottledPublic } from '../http/dynamic-public';
import { DistrictLookupService } from './district-lookup.service';

const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('public results')
@Controller('public/elections')
export class DistrictLookupController {
  constructor(private readonly service: DistrictLookupService) {}

  @Public()
  @Get(':electionId/district-lookup')
  // The directory is fixed before election day: answers may be kept for a few minutes.
  @ThrottledPublic()
  @ApiOperation({
    summary: 'Wahlbezirk zu Straße und Hausnummer',
    description:
      'Sucht die Anschrift im Straßenverzeichnis der Wahl (R2.4) und nennt Wahlbezirk(e) samt Wahlraum; keine personenbezogenen Daten. ' +
      'Antwort `PublicDistrictLookup`: `found` (bei gleichnamigen Straßen in mehreren Postleitzahlen mehrere Bezirke), `unknown-street` mit Vorschlägen, `invalid-house-number`, `no-district`.',
  })
  @ApiParam({ name: 'electionId', format: 'uuid' })
  @ApiQuery({ name: 'street', example: 'Schulstraße' })
  @ApiQuery({ name: 'houseNumber', example: '12a' })
  @ApiOkResponse({
    description:
      '`{ kind: "found", street, houseNumber, districts: [{ number, name, areaId, pollingStation }] }` oder eine der anderen Antworten.',
  })
  @ApiResponse({ status: 404, description: 'Wahl nicht gefunden.' })
  @ApiResponse({ status: 422, description: 'Straße oder Hausnummer fehlt.' })
  async lookup(
    @Param('electionId', electionIdPipe) electionId: string,
    @Query('street') street: unknown,
    @Query('houseNumber') houseNumber: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendJson(request, response, await this.service.lookup(electionId, { street, houseNumber }), FIXED_CACHE_CONTROL);
  }
}
