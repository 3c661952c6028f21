import { Inject, Injectable } from '@nestjs/common';
import type { CreatedWebhook, CreateWebhookRequest, WebhookOverview, WebhookSubscription } from '@wahl/contracts';
import type { Actor } from '../../platform/auth/roles';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { AppError, notFound } from '../../platform/errors/app-error';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { newWebhookSecret } from './webhook-signature';
import { assertPublicUrl, TargetNotAllowed } from './webhook-target';
import { WebhooksRepository, type StoredDelivery, type StoredSubscription } from './webhooks.repository';

/** Subscribers per election; enough for the local press, small enough that one version stays cheap. */
const MAX_SUBSCRIPTIONS = 20;
const WEBHOOK = 'Der Webhook';

const toSubscription = (row: StoredSubscription): WebhookSubscription => ({
  id: row.id,
  name: row.name,
  url: row.url,
  active: row.active,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdByUsername,
});

const toDelivery = (row: StoredDelivery) => ({
  id: row.id,
  subscriptionId: row.subscriptionId,
  subscriptionName: row.subscriptionName,
  version: row.version,
  state: row.state as WebhookOverview['deliveries'][number]['state'],
  attempts: row.attempts,
  lastStatus: row.lastStatus,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
});

/** The office's side of the webhooks: subscribers of an election and their delivery log. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly elections: ElectionReadModel,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async overview(actor: Actor, electionId: string): Promise<WebhookOverview> {
    await this.elections.forActor(actor, electionId);
    const [subscriptions, deliveries] = await Promise.all([
      this.repository.subscriptions(electionId),
      this.repository.deliveries(electionId),
    ]);
    return { electionId, subscriptions: subscriptions.map(toSubscription), deliveries: deliveries.map(toDelivery) };
  }

  async create(actor: Actor, electionId: string, request: CreateWebhookRequest): Promise<CreatedWebhook> {
    await this.elections.forActor(actor, electionId);
    if (!this.config.webhookAllowPrivateTargets) {
      try {
        assertPublicUrl(request.url);
      } catch (error) {
        if (error instanceof TargetNotAllowed) throw new AppError('WEBHOOK_TARGET_NOT_ALLOWED');
        throw error;
      }
    }
    if ((await this.repository.count(electionId)) >= MAX_SUBSCRIPTIONS) throw new AppError('WEBHOOK_LIMIT_REACHED');
    const secret = newWebhookSecret();
    const created = await this.repository.create(electionId, { ...request, secret, createdBy: actor.username });
    return { subscription: toSubscription(created), secret };
  }

  async setActive(actor: Actor, electionId: string, id: string, active: boolean): Promise<WebhookSubscription> {
    await this.elections.forActor(actor, electionId);
    const updated = await this.repository.setActive(electionId, id, active);
    if (!updated) throw notFound(WEBHOOK);
    return toSubscription(updated);
  }

  async delete(actor: Actor, electionId: string, id: string): Promise<void> {
    await this.elections.forActor(actor, electionId);
    if (!(await this.repository.delete(electionId, id))) throw notFound(WEBHOOK);
  }
}
