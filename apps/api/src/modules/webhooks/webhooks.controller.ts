import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatedWebhookSchema,
  createWebhookSchema,
  updateWebhookSchema,
  WebhookOverviewSchema,
  WebhookSubscriptionSchema,
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
} from '@wahl/contracts';
import { Allow } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { notFound } from '../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ElectionParam, electionIdPipe } from '../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../elections/read-model/election-routes.openapi';
import { WebhooksService } from './webhooks.service';

const webhookIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Webhook') });

/** Webhooks for the press and partners (docs/WEBHOOKS.md): clerks see them, the office admin sets them. */
@ApiTags('webhooks')
@Controller('elections/:electionId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Allow('office-admin', 'clerk')
  @Get()
  @ApiOperation({ summary: 'Webhooks der Wahl und die letzten 50 Zustellungen' })
  @ElectionParam()
  @ApiResponseFrom(200, WebhookOverviewSchema)
  @ProblemResponses(401, 403, 404)
  overview(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.webhooks.overview(actor, electionId);
  }

  @Allow('office-admin')
  @Post()
  @ApiOperation({ summary: 'Webhook anlegen; das Geheimnis zum Prüfen der Signatur steht nur in dieser Antwort' })
  @ElectionParam()
  @ApiBodyFrom(createWebhookSchema)
  @ApiResponseFrom(201, CreatedWebhookSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(createWebhookSchema)) body: CreateWebhookRequest,
  ) {
    return this.webhooks.create(actor, electionId, body);
  }

  @Allow('office-admin')
  @Patch(':webhookId')
  @ApiOperation({ summary: 'Webhook ein- oder ausschalten' })
  @ElectionParam()
  @ApiBodyFrom(updateWebhookSchema)
  @ApiResponseFrom(200, WebhookSubscriptionSchema)
  @ProblemResponses(401, 403, 404, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('webhookId', webhookIdPipe) webhookId: string,
    @Body(new ZodBodyPipe(updateWebhookSchema)) body: UpdateWebhookRequest,
  ) {
    return this.webhooks.setActive(actor, electionId, webhookId, body.active);
  }

  @Allow('office-admin')
  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Webhook löschen (mit seinen Zustellungen)' })
  @ElectionParam()
  @ProblemResponses(401, 403, 404)
  async delete(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('webhookId', webhookIdPipe) webhookId: string,
  ): Promise<void> {
    await this.webhooks.delete(actor, electionId, webhookId);
  }
}
