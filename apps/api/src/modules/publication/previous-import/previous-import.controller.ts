import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { ApiBodyFrom } from '../../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { previousImportSchema, type PreviousImportBody } from '@wahl/contracts';
import { PreviousImportService } from './previous-import.service';
import { BodyLimit } from '../../../platform/validation/json-body';

const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('public results')
@Controller('elections/:electionId/previous-election')
export class PreviousImportController {
  constructor(private readonly imports: PreviousImportService) {}

  @Allow('office-admin', 'clerk')
  @BodyLimit('16mb') // the open-data CSV of a large city, one row per district and list
  @Post()
  @ApiOperation({
    summary: 'Vorwahl aus einer Open-Data-CSV (votemanager, je Wahlbezirk) übernehmen',
    description:
      'Ersetzt die Vorwahl der Wahl (Name, Datum, Ergebnisse je Wahlbezirk und für die Gemeinde) für den Vergleich auf der Ergebnisseite. ' +
      '`ballotRows`: die Liste jeder Stimmzettelzeile der Vorwahl (D1/F1 = Zeile 1 …), zugeordnet über Kurzname oder Name; ohne Treffer behält die Liste ihren eigenen Schlüssel. ' +
      'Wahlbezirke über die Nummer (`gebiet-nr`); die Gemeinde ist die Summe aller Zeilen. Antwort: Zuordnung der Listen, nicht zugeordnete Zeilen.',
  })
  @ApiParam({ name: 'electionId', format: 'uuid' })
  @ApiBodyFrom(previousImportSchema)
  @ApiResponse({
    status: 201,
    description: '`{ electionId, previousElection, districtsMatched, unmatchedRows, lists, unassignedVotes, municipality, results }`',
  })
  @ApiResponse({ status: 422, description: 'CSV nicht lesbar oder passt zu keinem Wahlbezirk.' })
  import(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(previousImportSchema)) body: PreviousImportBody,
  ) {
    return this.imports.import(actor, electionId, body);
  }
}
