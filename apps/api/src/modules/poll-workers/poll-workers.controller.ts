import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AskEarlierResultSchema,
  AssignmentOverviewSchema,
  AssignmentStateChangeSchema,
  AssignmentSummarySchema,
  AssignSchema,
  BoardNeedsSchema,
  BoardRosterSchema,
  DefaultNeedsSchema,
  DuplicatesSchema,
  MergePollWorkersSchema,
  MoveAssignmentSchema,
  PollWorkerEntrySchema,
  PollWorkerImportPreviewSchema,
  PollWorkerImportResultSchema,
  PollWorkerImportSchema,
  PollWorkerListQuerySchema,
  PollWorkerListSchema,
  PollWorkerRowSchema,
  PollWorkerSignUpInfoSchema,
  PollWorkerSignUpReceiptSchema,
  PollWorkerSignUpSchema,
  ProposalResultSchema,
  SubstituteSchema,
  type Assign,
  type AssignmentStateChange,
  type BoardNeeds,
  type DefaultNeeds,
  type MergePollWorkers,
  type MoveAssignment,
  type PollWorkerEntry,
  type PollWorkerImport,
  type PollWorkerSignUp,
  type Substitute,
} from '@wahl/contracts';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { OFFICE_STAFF, type Actor } from '../../platform/auth/roles';
import { notFound } from '../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { districtIdPipe, ElectionParam, electionIdPipe, problemResponses } from '../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { BodyLimit } from '../../platform/validation/json-body';
import { AssignmentsService } from './assignments.service';
import { PollWorkersService } from './poll-workers.service';
import { sendJson } from '../publication/http/cached-response';
import { ThrottledPublic } from '../publication/http/dynamic-public';
import { SignUpService } from './sign-up.service';

const ProblemResponses = problemResponses({
  401: 'Nicht angemeldet.',
  403: 'Nur für das Wahlamt.',
  404: 'Wahl, Person oder Einteilung nicht gefunden – auch bei Wahlen anderer Wahlämter.',
  409: 'Nicht möglich im jetzigen Stand (z. B. schon eingeteilt, nicht wählbar); `detail` sagt warum.',
  413: 'Die Datei ist zu groß.',
  422: 'Ungültige Angaben: `errors[]` mit `path` und `message` (bei Listen Zeile und Spalte).',
  429: 'Zu viele Anmeldungen von diesem Anschluss (Retry-After).',
});

const assignmentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Einteilung') });

@ApiTags('poll workers')
@Controller('elections/:electionId/poll-workers')
export class PollWorkersController {
  constructor(
    private readonly people: PollWorkersService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Allow(...OFFICE_STAFF)
  @Get()
  @ApiOperation({ summary: 'Wahlhelferinnen und Wahlhelfer des Wahlamts mit Stand bei dieser Wahl (Suche, Filter)' })
  @ElectionParam()
  @ApiQuery({ name: 'search', required: false, type: String })
  @ApiQuery({ name: 'filter', required: false, enum: ['all', 'unassigned', 'assigned', 'unconfirmed', 'ineligible'] })
  @ApiResponseFrom(200, PollWorkerListSchema)
  @ProblemResponses(401, 403, 404, 422)
  list(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string, @Query() query: Record<string, unknown>) {
    return this.people.list(actor, electionId, new ZodBodyPipe(PollWorkerListQuerySchema).transform(query));
  }

  @Allow(...OFFICE_STAFF)
  @Post()
  @ApiOperation({ summary: 'Person erfassen (Wahlamt) und in den Helferpool dieser Wahl aufnehmen' })
  @ElectionParam()
  @ApiBodyFrom(PollWorkerEntrySchema)
  @ApiResponseFrom(201, PollWorkerRowSchema)
  @ProblemResponses(401, 403, 404, 422)
  enter(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(PollWorkerEntrySchema)) body: PollWorkerEntry,
  ) {
    return this.people.enter(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @BodyLimit('3mb')
  @Post('import/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Personalliste (CSV) prüfen: Probleme nach Zeile und Spalte, nichts wird gespeichert' })
  @ElectionParam()
  @ApiBodyFrom(PollWorkerImportSchema)
  @ApiResponseFrom(200, PollWorkerImportPreviewSchema)
  @ProblemResponses(401, 403, 404, 413, 422)
  previewImport(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(PollWorkerImportSchema)) body: PollWorkerImport,
  ) {
    return this.people.previewImport(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @BodyLimit('3mb')
  @Post('import/apply')
  @ApiOperation({ summary: 'Personalliste (CSV) speichern – nur ohne Fehler, in einem Schritt' })
  @ElectionParam()
  @ApiBodyFrom(PollWorkerImportSchema)
  @ApiResponseFrom(201, PollWorkerImportResultSchema)
  @ProblemResponses(401, 403, 404, 413, 422)
  applyImport(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(PollWorkerImportSchema)) body: PollWorkerImport,
  ) {
    return this.people.applyImport(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Post('ask-earlier')
  @ApiOperation({ summary: 'Helferinnen und Helfer früherer Wahlen (mit Einwilligung) erneut in den Pool aufnehmen' })
  @ElectionParam()
  @ApiResponseFrom(201, AskEarlierResultSchema)
  @ProblemResponses(401, 403, 404)
  askEarlier(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.people.askEarlier(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('duplicates')
  @ApiOperation({ summary: 'Mögliche Doppelungen (gleicher Name und Geburtstag oder gleiche E-Mail)' })
  @ElectionParam()
  @ApiResponseFrom(200, DuplicatesSchema)
  @ProblemResponses(401, 403, 404)
  duplicates(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.people.duplicates(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Post('merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Doppelung von Hand zusammenführen' })
  @ElectionParam()
  @ApiBodyFrom(MergePollWorkersSchema)
  @ApiResponseFrom(200, PollWorkerRowSchema)
  @ProblemResponses(401, 403, 404, 422)
  merge(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(MergePollWorkersSchema)) body: MergePollWorkers,
  ) {
    return this.people.merge(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Get('assignments')
  @ApiOperation({ summary: 'Einteilung: Wahlvorstände mit Bedarf, Besetzung, Lücken und unbestätigten Sitzen; Reserve' })
  @ElectionParam()
  @ApiResponseFrom(200, AssignmentOverviewSchema)
  @ProblemResponses(401, 403, 404)
  overview(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.assignments.overview(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Post('needs')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bedarf je Wahlbezirk und Funktion festlegen' })
  @ElectionParam()
  @ApiBodyFrom(BoardNeedsSchema)
  @ApiResponseFrom(200, AssignmentOverviewSchema)
  @ProblemResponses(401, 403, 404, 422)
  setNeeds(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(BoardNeedsSchema)) body: BoardNeeds,
  ) {
    return this.assignments.setNeeds(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Post('needs/default')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gleichen Bedarf für alle Urnen- oder Briefwahlbezirke festlegen' })
  @ElectionParam()
  @ApiBodyFrom(DefaultNeedsSchema)
  @ApiResponseFrom(200, AssignmentOverviewSchema)
  @ProblemResponses(401, 403, 404, 422)
  setDefaultNeeds(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(DefaultNeedsSchema)) body: DefaultNeeds,
  ) {
    return this.assignments.setDefaultNeeds(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Post('proposal')
  @ApiOperation({ summary: 'Einteilungsvorschlag: alle freien Sitze aus dem Pool besetzen (Lücken werden gemeldet)' })
  @ElectionParam()
  @ApiResponseFrom(201, ProposalResultSchema)
  @ProblemResponses(401, 403, 404)
  propose(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.assignments.propose(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Post('assignments')
  @ApiOperation({ summary: 'Person einem Sitz oder der Reserve zuordnen' })
  @ElectionParam()
  @ApiBodyFrom(AssignSchema)
  @ApiResponseFrom(201, AssignmentSummarySchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  assign(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(AssignSchema)) body: Assign,
  ) {
    return this.assignments.assign(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Patch('assignments/:assignmentId')
  @ApiOperation({ summary: 'Einteilung verschieben (anderer Bezirk oder andere Funktion)' })
  @ElectionParam()
  @ApiBodyFrom(MoveAssignmentSchema)
  @ApiResponseFrom(200, AssignmentSummarySchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  move(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
    @Body(new ZodBodyPipe(MoveAssignmentSchema)) body: MoveAssignment,
  ) {
    return this.assignments.move(actor, electionId, assignmentId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Delete('assignments/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Vorgeschlagene Einteilung zurücknehmen' })
  @ElectionParam()
  @ProblemResponses(401, 403, 404, 409)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
  ): Promise<void> {
    await this.assignments.remove(actor, electionId, assignmentId);
  }

  @Allow(...OFFICE_STAFF)
  @Post('assignments/:assignmentId/state')
  @HttpCode(200)
  @ApiOperation({ summary: 'Berufen, Zusage oder Absage (mit Grund nach § 9 BWO) erfassen' })
  @ElectionParam()
  @ApiBodyFrom(AssignmentStateChangeSchema)
  @ApiResponseFrom(200, AssignmentSummarySchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  changeState(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
    @Body(new ZodBodyPipe(AssignmentStateChangeSchema)) body: AssignmentStateChange,
  ) {
    return this.assignments.changeState(actor, electionId, assignmentId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Post('assignments/:assignmentId/substitute')
  @ApiOperation({ summary: 'Kurzfristiger Ersatz: eine andere Person übernimmt den Sitz' })
  @ElectionParam()
  @ApiBodyFrom(SubstituteSchema)
  @ApiResponseFrom(201, AssignmentSummarySchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  substitute(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
    @Body(new ZodBodyPipe(SubstituteSchema)) body: Substitute,
  ) {
    return this.assignments.substitute(actor, electionId, assignmentId, body);
  }
}

@ApiTags('poll workers')
@Controller('elections/:electionId/districts/:districtId/poll-workers')
export class BoardRosterController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Allow('office-admin', 'clerk', 'board-member')
  @Get('roster')
  @ApiOperation({ summary: 'Berufene Mitglieder eines Wahlvorstands (Name, Funktion) für die Anwesenheit am Wahltag' })
  @ElectionParam()
  @ApiResponseFrom(200, BoardRosterSchema)
  @ProblemResponses(401, 403, 404)
  roster(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('districtId', districtIdPipe) districtId: string,
  ) {
    return this.assignments.roster(actor, electionId, districtId);
  }
}

@ApiTags('poll workers (public)')
@Controller('public/poll-workers/:electionId')
export class PollWorkerSignUpController {
  constructor(private readonly signUps: SignUpService) {}

  @Public()
  @Get()
  @ThrottledPublic()
  @ApiOperation({ summary: 'Wahl, für die man sich als Wahlhelferin oder Wahlhelfer melden kann' })
  @ElectionParam()
  @ApiResponseFrom(200, PollWorkerSignUpInfoSchema)
  @ProblemResponses(404)
  async info(@Param('electionId', electionIdPipe) electionId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    sendJson(request, response, await this.signUps.info(electionId));
  }

  @Public()
  @Post('sign-up')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Als Wahlhelferin oder Wahlhelfer melden',
    description: 'Die Antwort ist immer dieselbe, ob die Person schon bekannt war oder nicht. Begrenzt je Anschluss (429).',
  })
  @ElectionParam()
  @ApiBodyFrom(PollWorkerSignUpSchema)
  @ApiResponseFrom(202, PollWorkerSignUpReceiptSchema)
  @ProblemResponses(404, 422, 429)
  signUp(
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(PollWorkerSignUpSchema)) body: PollWorkerSignUp,
    @Req() request: Request,
  ) {
    return this.signUps.signUp(electionId, body, request.ip ?? 'unknown');
  }
}
