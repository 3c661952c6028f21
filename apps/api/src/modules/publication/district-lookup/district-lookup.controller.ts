import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PublicDistrictLookup } from '@wahl/domain';
import { Public } from '../../../platform/auth/access.decorator';
import { notFound } from '../../../platform/errors/app-error';
import { DistrictLookupService } from './district-lookup.service';

const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('public results')
@Controller('public/elections')
export class DistrictLookupController {
  constructor(private readonly service: DistrictLookupService) {}

  @Public()
  @Get(':electionId/district-lookup')
  // The directory is fixed before election day: answers may be kept for a few minutes.
  @Header('Cache-Control', 'public, max-age=300')
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
  lookup(
    @Param('electionId', electionIdPipe) electionId: string,
    @Query('street') street: unknown,
    @Query('houseNumber') houseNumber: unknown,
  ): Promise<PublicDistrictLookup> {
    return this.service.lookup(electionId, { street, houseNumber });
  }
}
