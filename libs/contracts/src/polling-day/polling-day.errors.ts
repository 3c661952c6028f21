import { defineErrors } from '../common/errors';

/** Stable error codes of the polling day (DOMAIN.md 7): status, German and English text. */
export const POLLING_DAY_ERRORS = defineErrors({
  POLLING_DAY_ID_REUSED: {
    status: 409,
    de: 'Diese Kennung wurde schon für eine andere Meldung verwendet. Die gespeicherte Meldung bleibt unverändert.',
    en: 'This id was already used for another entry. The stored entry stays as it was.',
  },
  POLLING_DAY_NOT_POLLING_DISTRICT: {
    status: 409,
    de: 'Für einen Briefwahlbezirk gibt es keine Wahlbeteiligungsmeldung während des Tages.',
    en: 'A postal district sends no turnout reports during the day.',
  },
  POLLING_DAY_UNKNOWN_SLOT: {
    status: 422,
    de: 'Zu dieser Uhrzeit hat das Wahlamt keine Meldung der Wahlbeteiligung angesetzt.',
    en: 'The office has not set a turnout report for this time.',
  },
  POLLING_DAY_NOTHING_TO_PUBLISH: {
    status: 409,
    de: 'Zu dieser Uhrzeit hat noch kein Wahlbezirk seine Wahlbeteiligung gemeldet.',
    en: 'No district has reported its turnout for this time yet.',
  },
  // R8.7: a turnout version that would reveal a small station by difference is held.
  POLLING_DAY_TURNOUT_HELD: {
    status: 409,
    de: 'Die Wahlbeteiligung bleibt wie veröffentlicht: ein kleines Wahllokal ließe sich sonst als Differenz ablesen.',
    en: 'The turnout stays as published: a small station could otherwise be read off as a difference.',
  },
  RECORD_REVISION_CONFLICT: {
    status: 409,
    de: 'Die Niederschrift wurde inzwischen geändert. Bitte laden Sie den aktuellen Stand neu und prüfen Sie ihn.',
    en: 'The record was changed meanwhile. Please reload it and check it.',
  },
  RECORD_CHECKED: {
    status: 409,
    de: 'Das Wahlamt hat die Niederschrift bereits geprüft; sie kann nicht mehr geändert oder unterschrieben werden.',
    en: 'The office has checked the record; it can no longer be changed or signed.',
  },
  RECORD_DIFFERENCES_UNEXPLAINED: {
    status: 422,
    de: 'Die Niederschrift weicht von der Schnellmeldung ab. Bitte erläutern Sie die Abweichung.',
    en: 'The record differs from the quick report. Please explain the difference.',
  },
  RECORD_ALREADY_SIGNED: {
    status: 403,
    de: 'Vier-Augen-Prinzip: Sie haben diese Niederschrift schon unterschrieben. Ein anderes anwesendes Mitglied muss unterschreiben.',
    en: 'Four eyes: you have already signed this record. Another member present must sign.',
  },
  RECORD_SIGNER_NOT_PRESENT: {
    status: 403,
    de: 'Unterschreiben können nur Mitglieder, die in der Niederschrift als anwesend eingetragen sind.',
    en: 'Only members listed as present in the record may sign it.',
  },
  RECORD_NOT_SIGNED: {
    status: 409,
    de: 'Die Niederschrift ist noch nicht von zwei verschiedenen Mitgliedern des Wahlvorstands unterschrieben.',
    en: 'The record has not yet been signed by two different board members.',
  },
});
