import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createTrainingSchema,
  inviteToTrainingSchema,
  setAttendanceSchema,
  TrainingDetailSchema,
  TrainingSchema,
  type CreateTrainingBody,
  type InviteToTrainingBody,
  type SetAttendanceBody,
} from '@wahl/contracts';
import { z } from 'zod';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { ElectionParam, electionIdPipe } from '../../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../../elections/read-model/election-routes.openapi';
import { TrainingsService } from './trainings.service';

const trainingIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Schulung') });
const personIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Person') });

/** Trainings of the board members (R7.20, BWO § 6(5)). */
@ApiTags('poll workers: trainings')
@Controller('elections/:electionId/poll-workers/trainings')
export class TrainingsController {
  constructor(private readonly trainings: TrainingsService) {}

  @Allow('office-admin', 'clerk')
  @Get()
  @ApiOperation({ summary: 'Schulungstermine mit Plätzen, Eingeladenen und Teilnahmen' })
  @ElectionParam()
  @ApiResponseFrom(200, z.array(TrainingSchema))
  @ProblemResponses(401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.trainings.list(actor, electionId);
  }

  @Allow('office-admin', 'clerk')
  @Post()
  @ApiOperation({ summary: 'Schulungstermin anlegen' })
  @ElectionParam()
  @ApiBodyFrom(createTrainingSchema)
  @ApiResponseFrom(201, TrainingSchema)
  @ProblemResponses(401, 403, 404, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(createTrainingSchema)) body: CreateTrainingBody,
  ) {
    return this.trainings.create(actor, electionId, body);
  }

  @Allow('office-admin', 'clerk')
  @Get(':trainingId')
  @ApiOperation({ summary: 'Schulung mit Teilnehmerliste' })
  @ElectionParam()
  @ApiResponseFrom(200, TrainingDetailSchema)
  @ProblemResponses(401, 403, 404)
  detail(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('trainingId', trainingIdPipe) trainingId: string,
  ) {
    return this.trainings.detail(actor, electionId, trainingId);
  }

  @Allow('office-admin', 'clerk')
  @Post(':trainingId/invitations')
  @ApiOperation({ summary: 'Personen zur Schulung einladen (im Berufungsschreiben genannt)' })
  @ElectionParam()
  @ApiBodyFrom(inviteToTrainingSchema)
  @ApiResponseFrom(201, TrainingDetailSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  invite(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('trainingId', trainingIdPipe) trainingId: string,
    @Body(new ZodBodyPipe(inviteToTrainingSchema)) body: InviteToTrainingBody,
  ) {
    return this.trainings.invite(actor, electionId, trainingId, body);
  }

  @Allow('office-admin', 'clerk')
  @Put(':trainingId/attendance/:personId')
  @ApiOperation({ summary: 'Teilnahme an der Schulung erfassen' })
  @ElectionParam()
  @ApiBodyFrom(setAttendanceSchema)
  @ApiResponseFrom(200, TrainingDetailSchema)
  @ProblemResponses(401, 403, 404, 422)
  setAttendance(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('trainingId', trainingIdPipe) trainingId: string,
    @Param('personId', personIdPipe) personId: string,
    @Body(new ZodBodyPipe(setAttendanceSchema)) body: SetAttendanceBody,
  ) {
    return this.trainings.setAttendance(actor, electionId, trainingId, personId, body.attended);
  }
}
