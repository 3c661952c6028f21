import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { createOfficeSchema, createUserSchema } from './dtos/identity.schemas';
import { OfficesService } from './offices.service';

@ApiTags('offices')
@Controller('offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  @Allow('provider-admin')
  @Get()
  list() {
    return this.offices.list();
  }

  @Allow('provider-admin')
  @Post()
  create(@Body(new ZodBodyPipe(createOfficeSchema)) body: z.infer<typeof createOfficeSchema>) {
    return this.offices.create(body);
  }

  @Allow('provider-admin', 'office-admin', 'clerk')
  @Get(':officeId')
  get(@CurrentActor() actor: Actor, @Param('officeId', ParseUUIDPipe) officeId: string) {
    return this.offices.get(actor, officeId);
  }

  @Allow('provider-admin', 'office-admin')
  @Get(':officeId/users')
  listUsers(@CurrentActor() actor: Actor, @Param('officeId', ParseUUIDPipe) officeId: string) {
    return this.offices.listUsers(actor, officeId);
  }

  @Allow('provider-admin', 'office-admin')
  @Post(':officeId/users')
  createUser(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Body(new ZodBodyPipe(createUserSchema)) body: z.infer<typeof createUserSchema>,
  ) {
    return this.offices.createUser(actor, officeId, body);
  }
}
