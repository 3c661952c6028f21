import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';

export const WEBHOOKS_ENTITIES = [WebhookSubscriptionEntity, WebhookDeliveryEntity] as const;
