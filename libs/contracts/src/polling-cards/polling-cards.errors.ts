import { defineErrors } from '../common/errors';

/** Stable error codes of polling-cards: status, German and English text. */
export const POLLING_CARDS_ERRORS = defineErrors({
  CARD_JOB_RUNNING: {
    status: 409,
    de: 'Es läuft bereits ein Druckauftrag für diese Wahl.',
    en: 'A polling-card print job is already running for this election.',
  },
  CARDS_ALREADY_PRINTED: {
    status: 409,
    de: 'Die Wahlbenachrichtigungen sind bereits gedruckt.',
    en: 'The polling cards have been printed already; use a follow-up job or a replacement card.',
  },
  CARDS_NOTHING_TO_PRINT: {
    status: 409,
    de: 'Es gibt keine Wahlbenachrichtigung zu drucken.',
    en: 'There is no polling card to print (the roll is empty or everybody has a card).',
  },
  CARD_NOT_PRINTED_YET: {
    status: 409,
    de: 'Für diesen Eintrag wurde noch keine Wahlbenachrichtigung gedruckt.',
    en: 'No polling card has been printed for this entry yet; a follow-up job is the way.',
  },
  CARD_JOB_NOT_CANCELLABLE: {
    status: 409,
    de: 'Der Druckauftrag kann nicht abgebrochen werden.',
    en: 'The print job cannot be cancelled in its current state.',
  },
  CARD_JOB_NOT_RESUMABLE: {
    status: 409,
    de: 'Der Druckauftrag kann nicht fortgesetzt werden.',
    en: 'The print job cannot be resumed in its current state.',
  },
  CARD_JOB_FAILED: {
    status: 409,
    de: 'Der Druckauftrag ist nicht fertig geworden.',
    en: 'The print job did not succeed.',
  },
  CARD_POLLING_STATION_MISSING: {
    status: 409,
    de: 'Ein Wahlbezirk hat keinen Wahlraum in der Wahldefinition.',
    en: 'A polling district has no polling station in the election definition.',
  },
});
