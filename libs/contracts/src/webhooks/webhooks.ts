import { z } from 'zod';
import type { PublicArea, PublicAreaResult, PublicContest, PublicElectionSummary } from '@wahl/domain';
import { noNulString } from '../common/text';

// Webhooks for the press and partners (docs/WEBHOOKS.md): subscribers set by the office per
// election, a signed POST with the public summary on every new published version, and the log of
// deliveries. The secret is shown once, in the answer that creates the subscriber.

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'Bitte eine http- oder https-Adresse angeben, z. B. https://redaktion.example.de/wahl-hook.' })
  .max(2000, 'Die Adresse ist zu lang (höchstens 2000 Zeichen).');

export const createWebhookSchema = z.strictObject({
  /** Who receives it, e.g. "Badische Neueste Nachrichten". */
  name: noNulString()
    .trim()
    .min(2, 'Bitte einen Namen angeben (mindestens 2 Zeichen).')
    .max(100, 'Der Name ist zu lang (höchstens 100 Zeichen).'),
  url: webhookUrl,
});
export type CreateWebhookRequest = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z.strictObject({ active: z.boolean('Erwartet wird „true“ oder „false“.') });
export type UpdateWebhookRequest = z.infer<typeof updateWebhookSchema>;

export const WebhookSubscriptionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    active: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .readonly();
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;

/** The answer of `POST …/webhooks`: the only time the signing secret is shown. */
export const CreatedWebhookSchema = z.object({ subscription: WebhookSubscriptionSchema, secret: z.string() }).readonly();
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;

export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export const WebhookDeliverySchema = z
  .object({
    id: z.string(),
    subscriptionId: z.string(),
    subscriptionName: z.string(),
    /** The published version the POST announces. */
    version: z.number().int(),
    state: z.enum(WEBHOOK_DELIVERY_STATES),
    attempts: z.number().int(),
    /** HTTP status of the last answer; null when there was none (refused, timed out). */
    lastStatus: z.number().int().nullable(),
    /** German reason of the last failure. */
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .readonly();
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** `GET …/webhooks`: the subscribers and the latest deliveries, newest first. */
export const WebhookOverviewSchema = z
  .object({
    electionId: z.string(),
    subscriptions: z.array(WebhookSubscriptionSchema).readonly(),
    deliveries: z.array(WebhookDeliverySchema).readonly(),
  })
  .readonly();
export type WebhookOverview = z.infer<typeof WebhookOverviewSchema>;

/** Header names of a delivery; the signature covers `${timestamp}.${body}` (HMAC-SHA256, hex). */
export const WEBHOOK_HEADERS = {
  signature: 'wahl-signature',
  delivery: 'wahl-delivery',
  event: 'wahl-event',
} as const;

export const WEBHOOK_EVENT = 'results.published';

/**
 * The body of a delivery (event `results.published`): the election's public summary at the
 * announced version, the areas above the districts (constituency, municipality, …) with their
 * results as published (R8.5 and R8.7 applied: held-back districts are missing from them exactly as
 * on the results page) and the contests with their lists. District figures stay in the open data.
 */
export type WebhookResultsPublished = PublicElectionSummary & {
  readonly event: typeof WEBHOOK_EVENT;
  /** Probe: "PROBE – keine echten Ergebnisse" (also `rehearsal: true`); null on the real night. */
  readonly watermark: string | null;
  readonly version: number;
  readonly areas: readonly PublicArea[];
  readonly results: readonly PublicAreaResult[];
  readonly contests: readonly PublicContest[];
  readonly links: { readonly results: string; readonly openData: string };
};
