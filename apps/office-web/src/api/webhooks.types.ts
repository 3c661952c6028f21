// Wire types of the webhooks API: the contract's (libs/contracts/src/webhooks). The secret only in CreatedWebhook.
export type { CreatedWebhook, CreateWebhookRequest, WebhookDelivery, WebhookOverview, WebhookSubscription } from '@wahl/contracts';
