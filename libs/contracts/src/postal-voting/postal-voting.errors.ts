import { defineErrors } from '../common/errors';

/** Stable error codes of postal voting: status, German and English text. */
export const POSTAL_VOTING_ERRORS = defineErrors({
  POSTAL_DEADLINE_PASSED: {
    status: 409,
    de: 'Die Frist für Wahlscheinanträge ist abgelaufen.',
    en: 'The deadline for postal vote applications has passed.',
  },
  POSTAL_ALREADY_APPLIED: {
    status: 409,
    de: 'Für diese Person liegt bereits ein Wahlscheinantrag vor.',
    en: 'This person has already applied for a postal vote.',
  },
  POSTAL_APPLICATION_CHANGED: {
    status: 409,
    de: 'Der Antrag wurde gerade geändert; bitte senden Sie ihn noch einmal.',
    en: 'The application has just changed; please send it again.',
  },
  POSTAL_VOTER_REMOVED: {
    status: 409,
    de: 'Der Eintrag im Wählerverzeichnis ist gestrichen; ein Wahlschein kann nicht beantragt werden.',
    en: 'The roll entry has been removed; no postal vote can be applied for.',
  },
  POSTAL_APPLICATION_STATE_CONFLICT: {
    status: 409,
    de: 'Der Antrag ist in einem Stand, der das nicht zulässt.',
    en: 'The application is in a state that does not allow this.',
  },
  A3_PERSON_IN_ROLL: {
    status: 409,
    de: 'Die Person steht im Wählerverzeichnis; der Wahlschein wird auf dem gewöhnlichen Weg erteilt.',
    en: 'The person is in the roll; the certificate is issued the ordinary way (BWO § 25(1)).',
  },
  A3_ALREADY_ISSUED: {
    status: 409,
    de: 'Für diesen Antrag ist der Wahlschein bereits erteilt.',
    en: 'The certificate for this application has already been issued.',
  },
  POSTAL_ISSUING_CLOSED: {
    status: 409,
    de: 'Die Wahlzeit ist vorbei; es werden keine Wahlscheine mehr erteilt.',
    en: 'Polls have closed; no more postal vote certificates are issued.',
  },
  POSTAL_REPLACEMENT_CLOSED: {
    status: 409,
    de: 'Ersatz-Wahlscheine werden nicht mehr erteilt.',
    en: 'Replacement certificates are no longer issued.',
  },
  CERTIFICATE_ALREADY_INVALID: {
    status: 409,
    de: 'Der Wahlschein ist bereits für ungültig erklärt.',
    en: 'The certificate has already been declared invalid.',
  },
  CERTIFICATE_INVALID_NOT_PRINTED: {
    status: 409,
    de: 'Der Wahlschein ist für ungültig erklärt und wird nicht mehr gedruckt.',
    en: 'The certificate has been declared invalid and is no longer printed.',
  },
  SUPPLEMENTARY_LIST_ROLL_OPEN: {
    status: 409,
    de: 'Das Wählerverzeichnis ist noch nicht abgeschlossen; es gibt noch keine Nachtragsliste.',
    en: 'The roll is not closed yet; there is no supplementary list.',
  },
  POSTAL_TOO_MANY_ATTEMPTS: {
    status: 429,
    de: 'Zu viele erfolglose Versuche. Bitte versuchen Sie es später erneut.',
    en: 'Too many failed attempts. Please try again later.',
  },
});
