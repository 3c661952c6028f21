import { defineErrors } from '../common/errors';

/** Stable error codes of the webhooks: status, German and English text. */
export const WEBHOOKS_ERRORS = defineErrors({
  WEBHOOK_TARGET_NOT_ALLOWED: {
    status: 422,
    de: 'Diese Adresse ist nicht erlaubt: Webhooks gehen nur an öffentlich erreichbare Server, nicht an interne oder lokale Adressen.',
    en: 'This address is not allowed: webhooks go to publicly reachable servers only, not to internal or local addresses.',
  },
  WEBHOOK_LIMIT_REACHED: {
    status: 409,
    de: 'Für diese Wahl sind bereits 20 Webhooks eingerichtet. Bitte löschen Sie zuerst einen.',
    en: 'This election already has 20 webhooks. Please delete one first.',
  },
});
