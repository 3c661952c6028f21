import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateOfficeRequestSchema,
  CreateUserRequestSchema,
  OfficePublicLinksSchema,
  OfficeSchema,
  OfficeUserListEntrySchema,
  OfficeUserSchema,
  type CreateOfficeRequest,
  type CreateUserRequest,
  type Office,
  type OfficePublicLinks,
  type OfficeUser,
  type OfficeUserListEntry,
  PasswordResetIssuedSchema,
  type PasswordResetIssued,
  SignInRecordSchema,
  type SignInRecord,
  UpdateOfficeRequestSchema,
  type UpdateOfficeRequest,
  UpdateUserRequestSchema,
  type UpdateUserRequest,
} from '@wahl/contracts';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { AdministrationService } from './administration.service';
import { OfficesService } from './offices.service';
import { PasswordResetService } from './password-reset.service';

@ApiTags('offices')
@Controller('offices')
export class OfficesController {
  constructor(
    private readonly offices: OfficesService,
    private readonly resets: PasswordResetService,
    private readonly administration: AdministrationService,
  ) {}

  @Allow('provider-admin')
  @Get()
  @ApiResponseFrom(200, z.array(OfficeSchema))
  list(): Promise<Office[]> {
    return this.offices.list();
  }

  @Allow('provider-admin')
  @Post()
  @ApiBodyFrom(CreateOfficeRequestSchema)
  @ApiResponseFrom(201, OfficeSchema)
  create(@Body(new ZodBodyPipe(CreateOfficeRequestSchema)) body: CreateOfficeRequest): Promise<Office> {
    return this.offices.create(body);
  }

  @Allow('provider-admin', 'office-admin', 'clerk')
  @Get(':officeId')
  @ApiResponseFrom(200, OfficeSchema)
  get(@CurrentActor() actor: Actor, @Param('officeId', ParseUUIDPipe) officeId: string): Promise<Office> {
    return this.offices.get(actor, officeId);
  }

  /** Name and level of an office; its official key only while it has no election (recorded in administration_changes). */
  @Allow('provider-admin')
  @Patch(':officeId')
  @ApiBodyFrom(UpdateOfficeRequestSchema)
  @ApiResponseFrom(200, OfficeSchema)
  update(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Body(new ZodBodyPipe(UpdateOfficeRequestSchema)) body: UpdateOfficeRequest,
  ): Promise<Office> {
    return this.administration.updateOffice(actor, officeId, body);
  }

  /** The office's legal pages (Impressum, Datenschutz, Barrierefreiheit) linked in the public results page's footer. */
  @Allow('provider-admin', 'office-admin', 'clerk')
  @Get(':officeId/public-links')
  @ApiResponseFrom(200, OfficePublicLinksSchema)
  publicLinks(@CurrentActor() actor: Actor, @Param('officeId', ParseUUIDPipe) officeId: string): Promise<OfficePublicLinks> {
    return this.offices.publicLinks(actor, officeId);
  }

  @Allow('provider-admin', 'office-admin')
  @Put(':officeId/public-links')
  @ApiBodyFrom(OfficePublicLinksSchema)
  @ApiResponseFrom(200, OfficePublicLinksSchema)
  setPublicLinks(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Body(new ZodBodyPipe(OfficePublicLinksSchema)) body: OfficePublicLinks,
  ): Promise<OfficePublicLinks> {
    return this.offices.setPublicLinks(actor, officeId, body);
  }

  @Allow('provider-admin', 'office-admin')
  @Get(':officeId/users')
  @ApiResponseFrom(200, z.array(OfficeUserListEntrySchema))
  listUsers(@CurrentActor() actor: Actor, @Param('officeId', ParseUUIDPipe) officeId: string): Promise<OfficeUserListEntry[]> {
    return this.offices.listUsers(actor, officeId);
  }

  @Allow('provider-admin', 'office-admin')
  @Post(':officeId/users')
  @ApiBodyFrom(CreateUserRequestSchema)
  @ApiResponseFrom(201, OfficeUserSchema)
  createUser(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Body(new ZodBodyPipe(CreateUserRequestSchema)) body: CreateUserRequest,
  ): Promise<OfficeUser> {
    return this.offices.createUser(actor, officeId, body);
  }

  /** Role, display name, function, active of an account; deactivating ends its sessions (recorded in administration_changes). */
  @Allow('provider-admin', 'office-admin')
  @Patch(':officeId/users/:userId')
  @ApiBodyFrom(UpdateUserRequestSchema)
  @ApiResponseFrom(200, OfficeUserSchema)
  updateUser(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body(new ZodBodyPipe(UpdateUserRequestSchema)) body: UpdateUserRequest,
  ): Promise<OfficeUser> {
    return this.administration.updateUser(actor, officeId, userId, body);
  }

  /** The account's last sign-ins (time, success, known device, address); never a password. */
  @Allow('provider-admin', 'office-admin')
  @Get(':officeId/users/:userId/sign-ins')
  @ApiResponseFrom(200, z.array(SignInRecordSchema))
  signIns(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<SignInRecord[]> {
    return this.offices.signIns(actor, officeId, userId);
  }

  /** Forgotten password: a one-time code for the user, shown once to the admin (no e-mail assumed); recorded in password_resets. */
  @Allow('provider-admin', 'office-admin')
  @Post(':officeId/users/:userId/password-reset')
  @ApiResponseFrom(201, PasswordResetIssuedSchema)
  resetPassword(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<PasswordResetIssued> {
    return this.resets.issue(actor, officeId, userId);
  }

  /** After strangers blocked an account with wrong passwords: its per-account limit starts afresh (recorded in account_unlocks). */
  @Allow('provider-admin', 'office-admin')
  @Post(':officeId/users/:userId/unlock')
  @HttpCode(204)
  async unlockUser(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    await this.offices.unlockUser(actor, officeId, userId);
  }
}
