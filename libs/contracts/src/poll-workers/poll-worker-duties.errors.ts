import { defineErrors } from '../common/errors';

/** Stable error codes of letters, trainings and refreshment money: status, German and English text. */
export const POLL_WORKER_DUTIES_ERRORS = defineErrors({
  PW_DEBTOR_ACCOUNT_MISSING: {
    status: 409,
    de: 'Für die Überweisung fehlt das Konto der Gemeinde. Bitte hinterlegen Sie zuerst Kontoinhaber und IBAN.',
    en: 'The paying account of the municipality is missing. Please enter account holder and IBAN first.',
  },
  PW_NOTHING_TO_TRANSFER: {
    status: 409,
    de: 'Es gibt nichts zu überweisen: kein eingesetztes Mitglied mit Konto und Betrag.',
    en: 'There is nothing to transfer: no appointed member with an account and an amount.',
  },
  PW_TRAINING_FULL: {
    status: 409,
    de: 'Die Schulung hat nicht genug freie Plätze für alle ausgewählten Personen.',
    en: 'The training has not enough free places for everyone selected.',
  },
  PW_LETTER_RUN_BUSY: {
    status: 409,
    de: 'Für diese Wahl werden gerade Berufungsschreiben erstellt. Bitte warten Sie, bis der Lauf fertig ist.',
    en: 'Appointment letters are being made for this election. Please wait until the run has finished.',
  },
  PW_NO_LETTERS: {
    status: 409,
    de: 'Es gibt keine Sitze, für die ein Berufungsschreiben fällig ist.',
    en: 'There are no seats that need an appointment letter.',
  },
  PW_REPLY_NOT_POSSIBLE: {
    status: 409,
    de: 'Eine Antwort kann nur zu einem berufenen Sitz erfasst werden, für den ein Schreiben verschickt wurde; ein abgesagter Sitz bleibt für eine Ersatzperson frei.',
    en: 'A reply can only be recorded for an appointed seat whose letter was sent; a refused seat stays free for a substitute.',
  },
});
