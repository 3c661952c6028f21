import { defineErrors } from '../common/errors';

/** Stable error codes of poll-worker management (DOMAIN.md 7.6): status, German and English text. */
export const POLL_WORKERS_ERRORS = defineErrors({
  POLL_WORKER_NOT_FOUND: {
    status: 404,
    de: 'Diese Wahlhelferin oder dieser Wahlhelfer ist im Wahlamt nicht bekannt.',
    en: 'This poll worker is not known to the office.',
  },
  POLL_WORKER_NOT_IN_POOL: {
    status: 409,
    de: 'Die Person steht für diese Wahl nicht im Helferpool. Bitte zuerst für diese Wahl aufnehmen.',
    en: 'The person is not in this election’s pool. Add them to it first.',
  },
  POLL_WORKER_NOT_ELIGIBLE: {
    status: 409,
    de: 'Die Person ist nicht wählbar für den Wahlvorstand (§ 9 Abs. 2 BWahlG) und kann keinen Sitz erhalten.',
    en: 'The person is not eligible for a board (BWahlG § 9(2)) and cannot take a seat.',
  },
  POLL_WORKER_ALREADY_ASSIGNED: {
    status: 409,
    de: 'Die Person ist bei dieser Wahl schon eingeteilt. Niemand darf zwei Wahlvorständen angehören (§ 9 Abs. 3 BWahlG).',
    en: 'The person already has a seat at this election. Nobody may sit on two boards (BWahlG § 9(3)).',
  },
  POLL_WORKER_ASSIGNMENT_NOT_FOUND: {
    status: 404,
    de: 'Diese Einteilung gibt es bei dieser Wahl nicht.',
    en: 'This assignment does not exist at this election.',
  },
  POLL_WORKER_STATE_CHANGE_NOT_ALLOWED: {
    status: 409,
    de: 'Dieser Statuswechsel ist nicht möglich (eine abgelehnte oder ersetzte Einteilung bleibt so).',
    en: 'This state change is not allowed (a refused or replaced assignment stays so).',
  },
  POLL_WORKER_REFUSAL_GROUND_MISSING: {
    status: 422,
    de: 'Bitte geben Sie den Ablehnungsgrund an (§ 11 Abs. 1 BWahlG, § 9 BWO).',
    en: 'Please give the ground of the refusal (BWahlG § 11(1), BWO § 9).',
  },
  POLL_WORKER_MERGE_SAME: {
    status: 422,
    de: 'Eine Person kann nicht mit sich selbst zusammengeführt werden.',
    en: 'A person cannot be merged with themselves.',
  },
  POLL_WORKER_IMPORT_INVALID: {
    status: 422,
    de: 'Die Liste enthält Fehler; es wurde nichts gespeichert. Bitte die Vorschau prüfen.',
    en: 'The list has errors; nothing was stored. Check the preview.',
  },
  POLL_WORKER_DISTRICT_UNKNOWN: {
    status: 422,
    de: 'Diesen Wahlbezirk gibt es bei dieser Wahl nicht.',
    en: 'This district does not exist at this election.',
  },
  POLL_WORKER_SIGN_UP_CLOSED: {
    status: 404,
    de: 'Für diese Wahl ist keine Anmeldung als Wahlhelferin oder Wahlhelfer möglich.',
    en: 'Sign-up as a poll worker is not open for this election.',
  },
});
