import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ELECTION_KINDS } from '@wahl/domain';
import { SupraMunicipalTotalsQuerySchema, SupraMunicipalTotalsViewSchema } from '@wahl/contracts';
import { ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { zodIssuesToFieldErrors } from '../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../elections/read-model/election-routes.openapi';
import { SupraMunicipalTotalsService } from './supra-municipal-totals.service';

const officeIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Das Wahlamt') });

@ApiTags('election-night: totals and dashboard')
@Controller('offices/:officeId')
export class SupraMunicipalTotalsController {
  constructor(private readonly totals: SupraMunicipalTotalsService) {}

  @Allow('office-admin', 'clerk')
  @Get('election-totals')
  @ApiOperation({
    summary: 'Zwischenergebnis eines Wahlamts oberhalb der Gemeinde (Kreis, Wahlkreis, Land)',
    description:
      'Summe der gezählten Meldungen aller Gemeinden unterhalb des eigenen Wahlamts für die Wahl der angegebenen Art am angegebenen Wahltag: alle Zahlen werden addiert (P11), ' +
      'Anteile über die gemeldeten Bezirke (P12), Wahlbeteiligung nur über vollständige Einheiten (P10). Je Gemeinde „n von m“ gemeldete Bezirke. ' +
      'Nur für das eigene Wahlamt und nicht für Gemeinden (404).',
  })
  @ApiParam({ name: 'officeId', format: 'uuid', description: 'Id des eigenen Wahlamts (Kreis, Wahlkreis oder Land)' })
  @ApiQuery({ name: 'kind', required: true, enum: ELECTION_KINDS })
  @ApiQuery({ name: 'electionDay', required: true, description: 'Wahltag, JJJJ-MM-TT' })
  @ApiResponseFrom(200, SupraMunicipalTotalsViewSchema)
  @ProblemResponses(401, 403, 404, 422)
  get(@CurrentActor() actor: Actor, @Param('officeId', officeIdPipe) officeId: string, @Query() query: Record<string, unknown>) {
    const parsed = SupraMunicipalTotalsQuerySchema.safeParse(query);
    if (!parsed.success)
      throw new AppError('VALIDATION_FAILED', 'Die Anfrage enthält ungültige Angaben.', zodIssuesToFieldErrors(parsed.error.issues));
    return this.totals.totals(actor, officeId, parsed.data);
  }
}
