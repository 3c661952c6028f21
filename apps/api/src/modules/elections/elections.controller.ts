import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { notFound } from '../../platform/errors/app-error';
import { ElectionsService } from './elections.service';

// A malformed id is answered like an unknown one.
const electionId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

@ApiTags('elections')
@Controller('elections')
export class ElectionsController {
  constructor(private readonly elections: ElectionsService) {}

  /** Imports an election definition document (see GET /api/schemas/election.json). */
  @Allow('office-admin', 'clerk')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() document: unknown) {
    return this.elections.create(actor, document);
  }

  @Allow('office-admin', 'clerk')
  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.elections.list(actor);
  }

  @Allow('office-admin', 'clerk')
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', electionId) id: string) {
    return this.elections.getForOffice(actor, id);
  }

  /** The definition document as imported (deep-equal round trip). */
  @Allow('office-admin', 'clerk')
  @Get(':id/definition')
  definition(@CurrentActor() actor: Actor, @Param('id', electionId) id: string) {
    return this.elections.getDefinition(actor, id);
  }
}
