import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DistrictStatusListSchema, TotalsViewSchema } from '@wahl/contracts';
import { ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { ProblemResponses } from '../elections/read-model/election-routes.openapi';
import { ElectionParam, electionIdPipe } from '../../platform/openapi/route-params';
import { DistrictStatusService } from './district-status.service';
import { TotalsService } from './totals.service';

@ApiTags('election-night: totals and dashboard')
@Controller('elections/:electionId')
export class TotalsController {
  constructor(
    private readonly contexts: ElectionReadModel,
    private readonly totals: TotalsService,
    private readonly statuses: DistrictStatusService,
  ) {}

  @Allow('office-admin', 'clerk')
  @Get('totals')
  @ApiOperation({
    summary: 'Zwischenergebnis eines Gebiets',
    description:
      'Über die bestätigten und korrigierten Meldungen: „n von m“ Bezirken (P12), Wahlbeteiligung nur über vollständige Einheiten aus Urnen- und zugehörigem Briefwahlbezirk (P10), ' +
      'Stimmen und Anteile je Liste, Veränderung gegenüber der Vorwahl. `area`: `constituency`, `municipality` (Voreinstellung: das oberste Gebiet) oder die Id eines Wahlbezirks; `areas[]` listet die Gebiete. ' +
      'Live-Aktualisierung: Socket.IO (Pfad `/socket.io`, Namensraum `/office`, Sitzungs-Cookie oder `auth: { token }`), Nachricht `office:join-election` `{ electionId }`, dann Ereignisse `election-night:district` und `election-night:progress`.',
  })
  @ElectionParam()
  @ApiQuery({ name: 'area', required: false })
  @ApiResponseFrom(200, TotalsViewSchema)
  @ProblemResponses(401, 403, 404)
  async get(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string, @Query('area') area?: string) {
    const context = await this.contexts.forActor(actor, electionId);
    return this.totals.totals(context, area || undefined);
  }

  @Allow('office-admin', 'clerk')
  @Get('districts/status')
  @ApiOperation({
    summary: 'Stand aller Wahlbezirke (Dashboard)',
    description:
      'Je Bezirk Zustand, Versionen, Erfasser, Bestätiger, bestätigte Warnungen mit Kommentar, Zurückweisungsgrund; dazu die Anzahl je Zustand.',
  })
  @ElectionParam()
  @ApiResponseFrom(200, DistrictStatusListSchema)
  @ProblemResponses(401, 403, 404)
  status(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.statuses.list(actor, electionId);
  }
}
