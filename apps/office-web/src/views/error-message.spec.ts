import { ERROR_CATALOG } from '@wahl/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { translate } from '../i18n/i18n';
import { de } from '../i18n/messages.de';
import { en } from '../i18n/messages.en';
import { errorMessage, textForCode } from './error-message';

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

describe('errorMessage by code', () => {
  it('should show the catalog text of a common code when the status has no text of its own', () => {
    const conflict = new ApiError(409, undefined, 'CONFLICT', undefined);
    expect(errorMessage(conflict, 'de', inGerman)).toBe(ERROR_CATALOG.CONFLICT.de);
    expect(errorMessage(conflict, 'en', inEnglish)).toBe('Not possible in the current state.');
    const unavailable = new ApiError(503, 'Die Datenbank antwortet nicht.', 'SERVICE_UNAVAILABLE', undefined);
    expect(errorMessage(unavailable, 'en', inEnglish)).toBe('The service is unavailable.');
  });

  it('should prefer the German detail of the server on a German page, even with a code', () => {
    const conflict = new ApiError(409, 'Die Meldung wurde inzwischen geändert (Version 3).', 'CONFLICT', undefined);
    expect(errorMessage(conflict, 'de', inGerman)).toBe('Die Meldung wurde inzwischen geändert (Version 3).');
  });

  it('should ignore a code this build does not know and fall back to the status', () => {
    const unknown = new ApiError(403, undefined, 'SOMETHING_NEW', undefined);
    expect(unknown.knownCode).toBeUndefined();
    expect(errorMessage(unknown, 'en', inEnglish)).toBe(inEnglish('error.403'));
    expect(errorMessage(new ApiError(418, undefined, 'SOMETHING_NEW', undefined), 'en', inEnglish)).toBe(inEnglish('error.generic'));
  });

  it('should show the catalog text of a specific code in either language', () => {
    const code = 'ROLL_FROZEN';
    const spec = ERROR_CATALOG[code];
    const error = new ApiError(spec.status, undefined, code, undefined);
    expect(errorMessage(error, 'en', inEnglish)).toBe(spec.en);
    expect(errorMessage(error, 'de', inGerman)).toBe(spec.de);
    // A specific code beats the app's text for its status (e.g. 404 "Not found.").
    expect(textForCode(error.knownCode, spec.status, 'en', inEnglish)).toBe(spec.en);
  });
});

describe('textForCode', () => {
  const catalog = {
    ...ERROR_CATALOG,
    ROLL_FROZEN: { status: 409, de: 'Das Wählerverzeichnis ist eingefroren.', en: 'The electoral roll is frozen.' },
    BOARD_CODE_UNKNOWN: { status: 404, de: 'Diesen Zugangscode gibt es nicht.', en: 'There is no such access code.' },
  } as const;

  it('should take the text of a specific code from the catalog in the language of the page', () => {
    expect(textForCode('ROLL_FROZEN', 409, 'en', inEnglish, catalog)).toBe('The electoral roll is frozen.');
    expect(textForCode('ROLL_FROZEN', 409, 'de', inGerman, catalog)).toBe('Das Wählerverzeichnis ist eingefroren.');
  });

  it('should let a specific code beat the text of the app for its status', () => {
    expect(textForCode('BOARD_CODE_UNKNOWN', 404, 'en', inEnglish, catalog)).toBe('There is no such access code.');
  });

  it('should use the status text of the app for a common code and nothing for an unknown status without code', () => {
    expect(textForCode('FORBIDDEN', 403, 'en', inEnglish, catalog)).toBe(inEnglish('error.403'));
    expect(textForCode(undefined, 500, 'en', inEnglish, catalog)).toBeUndefined();
  });
});
