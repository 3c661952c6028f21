import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../platform/auth/access.decorator';
import { notFound } from '../../../platform/errors/app-error';
import { DistrictBoundariesService } from '../../elections/boundaries/district-boundaries.service';
import { serializeBody, type SerializedBody } from '../publisher/election-publication';
import { FIXED_CACHE_CONTROL, sendCached } from './cached-response';
import { ThrottledPublic } from './dynamic-public';

const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

/** The district map of the public page, loaded on demand (not part of the first view). */
@ApiTags('public results')
@ApiHeader({ name: 'If-None-Match', required: false })
@Controller('public/elections')
export class PublicMapController {
  private readonly bodies = new Map<string, { readonly stored: number; readonly body: SerializedBody }>();

  constructor(private readonly boundaries: DistrictBoundariesService) {}

  @Public()
  @Get(':electionId/map')
  @ThrottledPublic()
  @ApiOperation({
    summary: 'Karte der Wahlbezirke',
    description:
      '`DistrictMap`: vereinfachte Grenzen als SVG-Pfade (`{ width, height, districts: [{ number, path }] }`), Zuordnung über die Bezirksnummer. ' +
      'Enthält keine Ergebnisse. `ETag`, `Cache-Control: public, max-age=300`, gzip.',
  })
  @ApiParam({ name: 'electionId', format: 'uuid' })
  @ApiOkResponse({ description: 'Die Karte.' })
  @ApiResponse({ status: 404, description: 'Wahl nicht gefunden oder ohne Karte.' })
  async map(@Param('electionId', electionIdPipe) electionId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const stored = await this.boundaries.publicMap(electionId);
    if (!stored) throw notFound('Die Karte');
    const at = stored.updatedAt.getTime();
    let cached = this.bodies.get(electionId);
    if (!cached || cached.stored !== at) {
      cached = { stored: at, body: serializeBody(stored.mapJson, at, stored.updatedAt) };
      this.bodies.set(electionId, cached);
    }
    sendCached(request, response, cached.body, 'application/json; charset=utf-8', FIXED_CACHE_CONTROL);
  }
}
