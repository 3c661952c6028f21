import { err, ok, type Result } from '../result';

// The Wahlschein application (BWO § 27) and the certificate (Wahlschein, BWO § 28) as states.
//
// Application: received → issued (a certificate was created, "W" in the roll, R1.15)
//              received → rejected (e.g. not in the roll any more; with a reason)
// Both ends are final. A voter never holds two valid certificates (R3.8: a second application is
// answered with the state of the first); after a rejection a new application may be made.
//
// Certificate: valid → invalid (declared invalid: lost, not received, damaged …, with a reason). The
// "W" stays in the roll: a voter with a lost certificate cannot vote in person without it (R1.15). A
// replacement is a new certificate with a new number; the invalid one goes on the list the boards get.

export const POSTAL_APPLICATION_STATES = ['received', 'issued', 'rejected'] as const;
export type PostalApplicationState = (typeof POSTAL_APPLICATION_STATES)[number];

export const POSTAL_APPLICATION_STATE_LABELS: Readonly<Record<PostalApplicationState, string>> = {
  received: 'Eingegangen',
  issued: 'Wahlschein ausgestellt',
  rejected: 'Abgelehnt',
};

/** How the application reached the office. */
export const POSTAL_APPLICATION_CHANNELS = ['online-link', 'online-form', 'paper'] as const;
export type PostalApplicationChannel = (typeof POSTAL_APPLICATION_CHANNELS)[number];

export const POSTAL_APPLICATION_CHANNEL_LABELS: Readonly<Record<PostalApplicationChannel, string>> = {
  'online-link': 'Online (QR-Code der Wahlbenachrichtigung)',
  'online-form': 'Online (ohne Code)',
  paper: 'Schriftlich / vor Ort',
};

/** Where the documents go. */
export const POSTAL_DELIVERY_KINDS = ['home', 'other-address', 'collection'] as const;
export type PostalDeliveryKind = (typeof POSTAL_DELIVERY_KINDS)[number];

export const POSTAL_DELIVERY_LABELS: Readonly<Record<PostalDeliveryKind, string>> = {
  home: 'An die Wohnanschrift',
  'other-address': 'An eine andere Anschrift',
  collection: 'Abholung im Wahlamt',
};

export type PostalApplicationEvent = { readonly kind: 'issue' } | { readonly kind: 'reject'; readonly reason: string };

export type TransitionError = {
  readonly from: PostalApplicationState;
  readonly event: PostalApplicationEvent['kind'];
  readonly message: string;
};

/** The next state, or why the event does not apply (German message for the clerk). */
export function transitionApplication(
  from: PostalApplicationState,
  event: PostalApplicationEvent,
): Result<PostalApplicationState, TransitionError> {
  const refuse = (message: string) => err({ from, event: event.kind, message });
  if (from === 'issued') return refuse('Für diesen Antrag ist der Wahlschein bereits ausgestellt.');
  if (from === 'rejected') return refuse('Dieser Antrag ist abgelehnt; bitte einen neuen Antrag erfassen.');
  if (event.kind === 'reject' && event.reason.trim() === '') return refuse('Eine Ablehnung braucht eine Begründung.');
  return ok(event.kind === 'issue' ? 'issued' : 'rejected');
}

/** Whether an earlier application blocks a new one for the same voter (R3.8: idempotent). */
export const blocksNewApplication = (state: PostalApplicationState): boolean => state !== 'rejected';

export const CERTIFICATE_STATUSES = ['valid', 'invalid'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Why a certificate was declared invalid. */
export const INVALIDATION_REASONS = ['lost', 'not-received', 'damaged', 'other'] as const;
export type InvalidationReason = (typeof INVALIDATION_REASONS)[number];

export const INVALIDATION_REASON_LABELS: Readonly<Record<InvalidationReason, string>> = {
  lost: 'Verloren',
  'not-received': 'Nicht zugegangen (Versicherung der Person)',
  damaged: 'Beschädigt / unbrauchbar zurückgegeben',
  other: 'Sonstiger Grund',
};

/**
 * Whether a replacement may be issued. Lost certificates are not replaced; one that credibly never
 * arrived may be (BWO § 28(10) [UNCERTAIN paragraph number]), and a damaged one handed back is
 * exchanged (practice). `other` leaves it to the office, with the reason written down.
 */
export const mayReplace = (reason: InvalidationReason): boolean => reason !== 'lost';

/** What a voter is told about their earlier application (German, for the page and the 409 answer). */
export function applicationStateMessage(application: {
  readonly state: PostalApplicationState;
  readonly reference: string;
  readonly delivery: PostalDeliveryKind;
  readonly receivedDay: string;
  readonly issuedDay: string | null;
}): string {
  const head = `Für Sie liegt bereits ein Wahlscheinantrag vor (Antragsnummer ${application.reference}, eingegangen am ${application.receivedDay}).`;
  switch (application.state) {
    case 'received':
      return `${head} Er wird bearbeitet; ein zweiter Antrag ist nicht nötig.`;
    case 'issued':
      return application.delivery === 'collection'
        ? `${head} Der Wahlschein wurde am ${application.issuedDay} ausgestellt und liegt im Wahlamt zur Abholung bereit.`
        : `${head} Der Wahlschein wurde am ${application.issuedDay} ausgestellt und mit den Briefwahlunterlagen versandt.`;
    case 'rejected':
      return `${head} Er wurde abgelehnt.`;
  }
}
