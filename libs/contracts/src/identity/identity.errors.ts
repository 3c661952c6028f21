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
    de: 'Zu viele fehlgeschlagene Anmeldungen für dieses Konto. Von einem bekannten Gerät geht die Anmeldung weiter; sonst später erneut versuchen oder vom Wahlamt entsperren lassen.',
    en: 'Too many failed sign-ins for this account. Known devices can still sign in; otherwise try later or ask the office to unlock it.',
  },
  SIGN_IN_THROTTLED: {
    status: 429,
    de: 'Zu viele fehlgeschlagene Anmeldungen für dieses Konto von diesem Gerät. Bitte warten Sie kurz.',
    en: 'Too many failed sign-ins for this account from this device. Please wait a moment.',
  },
  SIGN_IN_ADDRESS_LIMITED: {
    status: 429,
    de: 'Zu viele Anmeldeversuche von dieser Adresse. Bitte versuchen Sie es später erneut.',
    en: 'Too many sign-in attempts from this address. Please try again later.',
  },
  INVALID_RESET_CODE: {
    status: 401,
    de: 'Benutzername oder Einmalcode ist falsch, oder der Code ist abgelaufen oder schon benutzt.',
    en: 'The user name or one-time code is wrong, or the code has expired or was used already.',
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
  OFFICE_KEY_FIXED: {
    status: 409,
    de: 'Der amtliche Schlüssel bleibt fest, sobald das Wahlamt Wahlen hat.',
    en: 'The official key is fixed once the office has elections.',
  },
  OWN_ACCOUNT_PROTECTED: {
    status: 409,
    de: 'Die eigene Administratorrolle kann man nicht entfernen und das eigene Konto nicht deaktivieren.',
    en: 'You cannot remove your own admin role or deactivate your own account.',
  },
  SIGNER_FUNCTION_MISSING: {
    status: 422,
    de: 'Für Ihr Konto ist keine Funktion hinterlegt, mit der Sie unterzeichnen. Eine Administratorin oder ein Administrator des Wahlamts trägt sie unter „Benutzer“ bei Ihrem Konto ein („Bearbeiten“, Feld „Funktion“).',
    en: 'Your account has no function to sign with. An office administrator enters it under “Users” on your account (“Edit”, field “Function”).',
  },
  LAST_OFFICE_ADMIN: {
    status: 409,
    de: 'Ein Wahlamt braucht mindestens ein aktives Konto mit der Rolle Wahlamt-Administration.',
    en: 'An office needs at least one active office administrator.',
  },
});
