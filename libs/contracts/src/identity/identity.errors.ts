import { defineErrors } from '../common/errors';

/** Stable error codes of identity: status, German and English text. */
export const IDENTITY_ERRORS = defineErrors({
  INVALID_CREDENTIALS: {
    status: 401,
    de: 'Benutzername oder Passwort ist falsch.',
    en: 'The user name or password is wrong.',
  },
  ACCOUNT_LOCKED: {
    status: 429,
    de: 'Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es später erneut.',
    en: 'Too many failed sign-ins. Please try again later.',
  },
  OFFICE_AGS_TAKEN: {
    status: 409,
    de: 'Ein Wahlamt mit diesem amtlichen Schlüssel gibt es bereits.',
    en: 'An office with this official key already exists.',
  },
  USERNAME_TAKEN: {
    status: 409,
    de: 'Diesen Benutzernamen gibt es bereits.',
    en: 'This user name is already taken.',
  },
});
