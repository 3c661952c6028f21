// Values of the polling-card contract a web app may import as values: no zod in this file.

export const POLLING_CARD_JOB_KINDS = ['main', 'follow-up', 'replacement'] as const;
export type PollingCardJobKind = (typeof POLLING_CARD_JOB_KINDS)[number];

export const POLLING_CARD_JOB_STATUSES = ['prepared', 'running', 'cancel-requested', 'cancelled', 'failed', 'succeeded'] as const;
export type PollingCardJobStatus = (typeof POLLING_CARD_JOB_STATUSES)[number];

/** Card layouts of the templates (templates/polling-cards). */
export const CARD_LAYOUTS = ['a4', 'a5', 'postcard'] as const;
export type CardLayout = (typeof CARD_LAYOUTS)[number];

/** Socket events of the polling cards in the office namespace (room of the election). */
export const POLLING_CARD_EVENTS = { job: 'cards:job' } as const;
