import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ChangeDecisionResultSchema,
  ChangeDecisionSchema,
  ChangeProposalListSchema,
  ClosingCountsSchema,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  RollAuditLogSchema,
  RollBuildResultSchema,
  RollSummarySchema,
  SingleDecisionSchema,
  UnmatchedAddressesSchema,
  AssignAddressRequestSchema,
  AssignAddressResultSchema,
  type AssignAddressRequest,
  type AssignAddressResult,
  VoterHistorySchema,
  VoterSearchResultSchema,
  VoterSearchSchema,
  type ChangeDecision,
  type ChangeDecisionResult,
  type ChangeProposal,
  type ChangeProposalList,
  type ClosingCounts,
  type RollAuditEntry,
  type RollBuildResult,
  type RollSummary,
  type SingleDecision,
  type UnmatchedAddresses,
  type VoterHistory,
  type VoterSearchRequest,
  type VoterSearchResult,
} from '@wahl/contracts';
import type { Response } from 'express';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { OFFICE_STAFF, type Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { RollBuildService } from './build/roll-build.service';
import { AddressAssignmentService } from './unmatched/address-assignment.service';
import { CHANGE_PROPOSAL_LABELS, RollChangesService } from './changes/roll-changes.service';
import type { ProposalRow } from './changes/roll-changes.repository';
import { RollOutputsService } from './outputs/roll-outputs.service';
import { RollReadService } from './read/roll-read.service';
import { VoterHistoryService } from './read/voter-history.service';
import { VoterSearchService } from './read/voter-search.service';
import { ProblemResponses, proposalIdPipe } from './roll.openapi';
import { districtIdPipe, ElectionParam, electionIdPipe } from '../../platform/openapi/route-params';

const toProposalDto = (row: ProposalRow): ChangeProposal => ({
  id: row.id,
  kind: row.kind,
  kindLabel: CHANGE_PROPOSAL_LABELS[row.kind],
  status: row.status,
  voterId: row.voter_id,
  details: row.details,
  importId: row.import_id,
  createdAt: row.created_at.toISOString(),
  decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  decidedBy: row.decided_by_username,
  decisionReason: row.decision_reason,
});

function pick<T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError('VALIDATION_FAILED', `Ungültiger Wert für ${name}.`, [
    { path: `$.${name}`, message: `Erlaubt sind ${allowed.join(', ')}.` },
  ]);
}

function count(value: unknown, fallback: number, max: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) {
    throw new AppError('VALIDATION_FAILED', `Ungültiger Wert für ${name}.`, [
      { path: `$.${name}`, message: `Ganze Zahl von 0 bis ${max}.` },
    ]);
  }
  return number;
}

const voterIdPipe = new ParseIntPipe({ exceptionFactory: () => notFound('Der Eintrag im Wählerverzeichnis') });

@ApiTags('roll')
@Controller('elections/:electionId/roll')
export class RollController {
  constructor(
    private readonly builder: RollBuildService,
    private readonly read: RollReadService,
    private readonly outputs: RollOutputsService,
    private readonly search: VoterSearchService,
    private readonly changes: RollChangesService,
    private readonly voterHistory: VoterHistoryService,
    private readonly assignments: AddressAssignmentService,
  ) {}

  @Allow(...OFFICE_STAFF)
  @Post('build')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Wählerverzeichnis aus dem aktuellen Melderegister-Import bauen (zum Stichtag)',
    description:
      'Trägt jede von Amts wegen wahlberechtigte Person mit eindeutigem Wahlbezirk ein und nummeriert je Bezirk alphabetisch (DIN 5007-1, R1.12). ' +
      'Vor dem Stichtag beliebig oft (neue Nummern); danach eingefroren (409), ebenso nach dem Sperren der Nummern.',
  })
  @ElectionParam()
  @ApiResponseFrom(200, RollBuildResultSchema)
  @ProblemResponses(401, 403, 404, 409)
  build(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<RollBuildResult> {
    return this.builder.build(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('summary')
  @ApiOperation({ summary: 'Übersicht: Wahlberechtigte je Bezirk, Nicht-Eingetragene je Grund, Summen' })
  @ElectionParam()
  @ApiResponseFrom(200, RollSummarySchema)
  @ProblemResponses(401, 403, 404)
  summary(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<RollSummary> {
    return this.read.summary(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('unmatched')
  @ApiOperation({
    summary: 'Wahlberechtigte ohne eindeutigen Wahlbezirk (Adresse in keinem oder mehreren Abschnitten)',
    description: 'Werden nie verworfen oder geraten: zur Klärung durch das Wahlamt (R2.4).',
  })
  @ElectionParam()
  @ApiResponseFrom(200, UnmatchedAddressesSchema)
  @ProblemResponses(401, 403, 404)
  unmatched(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<UnmatchedAddresses> {
    return this.read.unmatched(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Post('unmatched/:line/district')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Eine Anschrift ohne eindeutigen Wahlbezirk von Hand einem Urnenwahlbezirk zuordnen',
    description:
      'Die Zeile des Imports erhält den Bezirk (ein Neubau aus demselben Import behält ihn); ist das Verzeichnis gebaut, folgt der Eintrag ' +
      'nach der letzten Nummer des Bezirks (R1.14). Protokolliert; nach dem Abschluss abgelehnt (409).',
  })
  @ElectionParam()
  @ApiBodyFrom(AssignAddressRequestSchema)
  @ApiResponseFrom(200, AssignAddressResultSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  assignAddress(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('line', ParseIntPipe) line: number,
    @Body(new ZodBodyPipe(AssignAddressRequestSchema)) body: AssignAddressRequest,
  ): Promise<AssignAddressResult> {
    return this.assignments.assign(actor, electionId, line, body.districtId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('closing-counts')
  @ApiOperation({
    summary: 'Abschlusszahlen je Wahlbezirk: A1 (ohne „W“), A2 (mit „W“)',
    description: 'R1.21; stets aktuell, auch nach später erteilten Wahlscheinen (R1.16).',
  })
  @ElectionParam()
  @ApiResponseFrom(200, ClosingCountsSchema)
  @ProblemResponses(401, 403, 404)
  closingCounts(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<ClosingCounts> {
    return this.read.closingCounts(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('districts/:districtId/roll.pdf')
  @ApiOperation({
    summary: 'Wählerverzeichnis eines Wahlbezirks zum Ausdrucken (PDF)',
    description: 'Nr., Name, Geburtsdatum, Anschrift, Spalten für Stimmabgabevermerk und Bemerkungen (R1.13).',
  })
  @ElectionParam()
  @ApiParam({ name: 'districtId', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ProblemResponses(401, 403, 404, 409)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { stream, fileName } = await this.outputs.pdf(actor, electionId, districtId);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(stream, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }

  @Allow(...OFFICE_STAFF)
  @Get('districts/:districtId/roll.csv')
  @ApiOperation({ summary: 'Wählerverzeichnis eines Wahlbezirks als CSV (`;`, UTF-8 mit BOM)' })
  @ElectionParam()
  @ApiParam({ name: 'districtId', format: 'uuid' })
  @ApiProduces('text/csv')
  @ProblemResponses(401, 403, 404, 409)
  async csv(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { text, fileName } = await this.outputs.csv(actor, electionId, districtId);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Buffer.from(text, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  @Allow(...OFFICE_STAFF)
  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Wählersuche nach Name und Geburtsdatum (wird protokolliert)',
    description:
      'Nur für Mitarbeitende des Wahlamts. Jede Suche steht mit Anfrage und gezeigten Einträgen in der Protokolltabelle des Verzeichnisses (nicht im Anwendungslog).',
  })
  @ElectionParam()
  @ApiBodyFrom(VoterSearchSchema)
  @ApiResponseFrom(200, VoterSearchResultSchema)
  @ProblemResponses(401, 403, 404, 422)
  searchVoters(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(VoterSearchSchema)) body: VoterSearchRequest,
  ): Promise<VoterSearchResult> {
    return this.search.search(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Get('voters/:voterId/history')
  @ApiOperation({
    summary: 'Verlauf eines Eintrags: Wahlscheinvermerke, entschiedene Änderungen, wer ihn angesehen hat (wird protokolliert)',
    description: 'Die Id stammt aus der Wählersuche. Das Ansehen steht selbst als Suche im Protokoll des Verzeichnisses.',
  })
  @ElectionParam()
  @ApiParam({ name: 'voterId', type: Number })
  @ApiResponseFrom(200, VoterHistorySchema)
  @ProblemResponses(401, 403, 404)
  history(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('voterId', voterIdPipe) voterId: number,
  ): Promise<VoterHistory> {
    return this.voterHistory.history(actor, electionId, voterId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('change-proposals')
  @ApiOperation({
    summary: 'Änderungsvorschläge (nach dem Stichtag aus späteren Importen)',
    description: 'Weggezogen, zugezogen, verstorben, Name geändert – mit Stand des Verzeichnisses und des Melderegisters.',
  })
  @ElectionParam()
  @ApiQuery({ name: 'status', required: false, enum: PROPOSAL_STATUSES })
  @ApiQuery({ name: 'kind', required: false, enum: PROPOSAL_KINDS })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: 'Standard 100, höchstens 1.000.' })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiResponseFrom(200, ChangeProposalListSchema)
  @ProblemResponses(401, 403, 404, 422)
  async proposals(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<ChangeProposalList> {
    const { total, rows } = await this.changes.list(actor, electionId, {
      status: pick(query['status'], PROPOSAL_STATUSES, 'status'),
      kind: pick(query['kind'], PROPOSAL_KINDS, 'kind'),
      limit: count(query['limit'], 100, 1000, 'limit'),
      offset: count(query['offset'], 0, 10_000_000, 'offset'),
    });
    return { total, items: rows.map(toProposalDto) };
  }

  @Allow(...OFFICE_STAFF)
  @Post('change-proposals/decisions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Änderungsvorschläge annehmen oder ablehnen (mehrere oder alle offenen)',
    description:
      'Mit `proposalIds` die genannten, ohne alle offenen (optional nur einer Art `kind`). Jede Entscheidung wird mit Person, Zeit und Begründung protokolliert (R1.20).',
  })
  @ElectionParam()
  @ApiBodyFrom(ChangeDecisionSchema)
  @ApiResponseFrom(200, ChangeDecisionResultSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  decideMany(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(ChangeDecisionSchema)) body: ChangeDecision,
  ): Promise<ChangeDecisionResult> {
    return this.changes.decide(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Post('change-proposals/:proposalId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Einen Änderungsvorschlag annehmen oder ablehnen' })
  @ElectionParam()
  @ApiParam({ name: 'proposalId', format: 'uuid' })
  @ApiBodyFrom(SingleDecisionSchema)
  @ApiResponseFrom(200, ChangeDecisionResultSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  decideOne(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('proposalId', proposalIdPipe) proposalId: string,
    @Body(new ZodBodyPipe(SingleDecisionSchema)) body: SingleDecision,
  ): Promise<ChangeDecisionResult> {
    return this.changes.decide(actor, electionId, { ...body, proposalIds: [proposalId] });
  }

  @Allow('office-admin')
  @Get('audit')
  @ApiOperation({
    summary: 'Protokoll des Wählerverzeichnisses (Aufbau, Entscheidungen, Suchen, Wahlscheinvermerke)',
    description: 'Nur für die Leitung des Wahlamts; neueste zuerst, höchstens 500.',
  })
  @ElectionParam()
  @ApiResponseFrom(200, RollAuditLogSchema)
  @ProblemResponses(401, 403, 404)
  audit(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<RollAuditEntry[]> {
    return this.read.auditLog(actor, electionId);
  }
}
