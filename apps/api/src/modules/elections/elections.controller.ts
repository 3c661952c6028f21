import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  AreaSchema,
  ContestHeadSchema,
  ContestListSchema,
  PollingStationEditSchema,
  StreetSchema,
  type PollingStationEdit,
  CreateElectionRequestSchema,
  DistrictSchema,
  DefinitionImportPreviewSchema,
  DefinitionImportRequestSchema,
  type DefinitionImportPreview,
  type DefinitionImportRequest,
  ElectionSummaryListSchema,
  ElectionSummarySchema,
  type CreateElectionRequest,
  type ElectionSummary,
} from '@wahl/contracts';
import type { Area, ContestHead, ContestList, District, ElectionDefinition, Street } from '@wahl/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { notFound } from '../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { ElectionsService } from './elections.service';
import { BodyLimit } from '../../platform/validation/json-body';

// A malformed id is answered like an unknown one.
const electionId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('elections')
@Controller('elections')
export class ElectionsController {
  constructor(private readonly elections: ElectionsService) {}

  /** Imports an election definition document (see GET /api/schemas/election.json). */
  @Allow('office-admin', 'clerk')
  // A Land-wide definition: 100,000 districts with their stations and lists take 16.3 MB as the
  // benchmark writes them (tools/bench/entry.bench.ts); twice that leaves room for names,
  // inhabitants, areas and a previous election. Larger bodies are refused before they are parsed.
  @BodyLimit('32mb')
  @Post()
  @ApiBody({ description: 'An election definition document (JSON Schema: GET /api/schemas/election.json).', schema: { type: 'object' } })
  @ApiResponseFrom(201, ElectionSummarySchema)
  create(@CurrentActor() actor: Actor, @Body() document: unknown): Promise<ElectionSummary> {
    return this.elections.create(actor, document);
  }

  /** Creates an election from the office's form: empty or from a previous election of the office (a draft). */
  @Allow('office-admin', 'clerk')
  @Post('new')
  @ApiBodyFrom(CreateElectionRequestSchema)
  @ApiResponseFrom(201, ElectionSummarySchema)
  createFromForm(
    @CurrentActor() actor: Actor,
    @Body(new ZodBodyPipe(CreateElectionRequestSchema)) body: CreateElectionRequest,
  ): Promise<ElectionSummary> {
    return this.elections.createFromForm(actor, body);
  }

  @Allow('office-admin', 'clerk')
  @Get()
  @ApiResponseFrom(200, ElectionSummaryListSchema)
  list(@CurrentActor() actor: Actor): Promise<ElectionSummary[]> {
    return this.elections.list(actor);
  }

  @Allow('office-admin', 'clerk')
  @Get(':id')
  @ApiResponseFrom(200, ElectionSummarySchema)
  get(@CurrentActor() actor: Actor, @Param('id', electionId) id: string): Promise<ElectionSummary> {
    return this.elections.getForOffice(actor, id);
  }

  /** The definition document as imported (deep-equal round trip). */
  @Allow('office-admin', 'clerk')
  @Get(':id/definition')
  definition(@CurrentActor() actor: Actor, @Param('id', electionId) id: string): Promise<ElectionDefinition> {
    return this.elections.getDefinition(actor, id);
  }

  /** What a file (Wahlgebietseinteilungen, Kandidaten, street directory) would create, every problem by line and field; stores nothing. */
  @Allow('office-admin', 'clerk')
  @BodyLimit('32mb') // a city's street directory as text
  @Post(':id/imports/preview')
  @ApiBodyFrom(DefinitionImportRequestSchema)
  @ApiResponseFrom(200, DefinitionImportPreviewSchema)
  @HttpCode(200)
  previewImport(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Body(new ZodBodyPipe(DefinitionImportRequestSchema)) body: DefinitionImportRequest,
  ): Promise<DefinitionImportPreview> {
    return this.elections.previewImport(actor, id, body);
  }

  /** Applies the same file in one transaction (or refuses with the reasons); audited. */
  @Allow('office-admin', 'clerk')
  @BodyLimit('32mb')
  @Post(':id/imports/apply')
  @ApiBodyFrom(DefinitionImportRequestSchema)
  @ApiResponseFrom(200, ElectionSummarySchema)
  @HttpCode(200)
  applyImport(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Body(new ZodBodyPipe(DefinitionImportRequestSchema)) body: DefinitionImportRequest,
  ): Promise<ElectionSummary> {
    return this.elections.applyImport(actor, id, body);
  }

  /** Edits one district (same schema as in the definition); refused with the reason once roll, cards or results depend on it. */
  @Allow('office-admin', 'clerk')
  @Put(':id/districts/:number')
  @ApiBodyFrom(DistrictSchema)
  @ApiResponseFrom(200, ElectionSummarySchema)
  updateDistrict(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Param('number') number: string,
    @Body(new ZodBodyPipe(DistrictSchema)) body: District,
  ): Promise<ElectionSummary> {
    return this.elections.updateDistrict(actor, id, number, body);
  }

  /** Edits a contest's own fields (name, kind of ballot, votes, seats). */
  @Allow('office-admin', 'clerk')
  @Put(':id/contests/:contestId')
  @ApiBodyFrom(ContestHeadSchema)
  @ApiResponseFrom(200, ElectionSummarySchema)
  updateContest(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Param('contestId') contestId: string,
    @Body(new ZodBodyPipe(ContestHeadSchema)) body: ContestHead,
  ): Promise<ElectionSummary> {
    return this.elections.updateContest(actor, id, contestId, body);
  }

  /** Edits or adds a polling station (address, hours, barrier-free) and the polling districts that vote there. */
  @Allow('office-admin', 'clerk')
  @Put(':id/polling-stations/:stationId')
  @ApiBodyFrom(PollingStationEditSchema)
  @ApiResponseFrom(200, ElectionSummarySchema)
  updatePollingStation(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Param('stationId') stationId: string,
    @Body(new ZodBodyPipe(PollingStationEditSchema)) body: PollingStationEdit,
  ): Promise<ElectionSummary> {
    return this.elections.updatePollingStation(actor, id, stationId, body);
  }

  /** Edits or adds an area (Stadtbezirk, Stadtteil) with its parent. */
  @Allow('office-admin', 'clerk')
  @Put(':id/areas/:key')
  @ApiBodyFrom(AreaSchema)
  @ApiResponseFrom(200, ElectionSummarySchema)
  updateArea(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Param('key') key: string,
    @Body(new ZodBodyPipe(AreaSchema)) body: Area,
  ): Promise<ElectionSummary> {
    return this.elections.updateArea(actor, id, key, body);
  }

  /** Edits or adds a street of the directory with its house-number ranges (overlaps refused, R2.4). */
  @Allow('office-admin', 'clerk')
  @Put(':id/streets/:key')
  @ApiBodyFrom(StreetSchema)
  @ApiResponseFrom(200, ElectionSummarySchema)
  updateStreet(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Param('key') key: string,
    @Body(new ZodBodyPipe(StreetSchema)) body: Street,
  ): Promise<ElectionSummary> {
    return this.elections.updateStreet(actor, id, key, body);
  }

  /** Removes a polling station no district votes in any more. */
  @Allow('office-admin', 'clerk')
  @Delete(':id/polling-stations/:stationId')
  @ApiResponseFrom(200, ElectionSummarySchema)
  deletePollingStation(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Param('stationId') stationId: string,
  ): Promise<ElectionSummary> {
    return this.elections.deletePollingStation(actor, id, stationId);
  }

  /** Removes an area that holds no other area and no district. */
  @Allow('office-admin', 'clerk')
  @Delete(':id/areas/:key')
  @ApiResponseFrom(200, ElectionSummarySchema)
  deleteArea(@CurrentActor() actor: Actor, @Param('id', electionId) id: string, @Param('key') key: string): Promise<ElectionSummary> {
    return this.elections.deleteArea(actor, id, key);
  }

  @Allow('office-admin', 'clerk')
  @Delete(':id/streets/:key')
  @ApiResponseFrom(200, ElectionSummarySchema)
  deleteStreet(@CurrentActor() actor: Actor, @Param('id', electionId) id: string, @Param('key') key: string): Promise<ElectionSummary> {
    return this.elections.deleteStreet(actor, id, key);
  }

  /** Edits or adds one list with its candidates (order, colours, names). */
  @Allow('office-admin', 'clerk')
  @Put(':id/contests/:contestId/lists/:listId')
  @ApiBodyFrom(ContestListSchema)
  @ApiResponseFrom(200, ElectionSummarySchema)
  updateList(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Param('contestId') contestId: string,
    @Param('listId') listId: string,
    @Body(new ZodBodyPipe(ContestListSchema)) body: ContestList,
  ): Promise<ElectionSummary> {
    return this.elections.updateList(actor, id, contestId, listId, body);
  }
}
