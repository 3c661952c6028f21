import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { translate } from '../i18n/i18n';
import { de } from '../i18n/messages.de';
import { en } from '../i18n/messages.en';
import { errorMessage } from './error-message';

const inGerman = (key: keyof typeof de) => translate(de, key);
const inEnglish = (key: keyof typeof de) => translate(en, key);
const wrongPassword = new ApiError(401, 'Benutzername oder Passwort ist falsch.', 'UNAUTHENTICATED', undefined);

describe('errorMessage', () => {
  it('should show the API detail on a German page', () => {
    expect(errorMessage(wrongPassword, 'de', inGerman)).toBe('Benutzername oder Passwort ist falsch.');
  });

  it('should translate by status on an English page', () => {
    expect(errorMessage(wrongPassword, 'en', inEnglish)).toBe('Username or password is wrong.');
    expect(errorMessage(new ApiError(500, 'Ein unerwarteter Fehler ist aufgetreten.', undefined, undefined), 'en', inEnglish)).toBe(
      'An unexpected error occurred.',
    );
  });

  it('should name a lost connection and fall back for errors without detail', () => {
    expect(errorMessage(new ApiError(0, undefined, undefined, undefined), 'de', inGerman)).toBe(de['error.network']);
    expect(errorMessage(new ApiError(429, undefined, undefined, 900), 'de', inGerman)).toBe('Zu viele fehlgeschlagene Anmeldungen.');
    expect(errorMessage(new TypeError('x'), 'de', inGerman)).toBe('Ein unerwarteter Fehler ist aufgetreten.');
  });
});
