import { createHmac, randomBytes } from 'node:crypto';

// The signature of a delivery (docs/WEBHOOKS.md): HMAC-SHA256 with the subscriber's secret over
// `${timestamp}.${body}`, sent as `wahl-signature: t=<unix seconds>,v1=<hex>`. The timestamp lets a
// receiver refuse replays of old deliveries; the body is signed byte for byte as sent.

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export const signatureOf = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export const signatureHeader = (secret: string, timestamp: number, body: string): string =>
  `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
