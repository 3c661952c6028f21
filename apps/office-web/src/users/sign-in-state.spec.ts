import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { de } from '../i18n/messages.de';
import { canUnlock, signInStateText, waitText } from './sign-in-state';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]): string => translate(de, key, params);

describe('sign-in state of an account', () => {
  it('should say a wait in seconds under a minute and a half, else in whole minutes rounded up', () => {
    expect(waitText(1, t)).toBe('1 Sekunde');
    expect(waitText(89, t)).toBe('89 Sekunden');
    expect(waitText(90, t)).toBe('2 Minuten');
    expect(waitText(14 * 60 + 1, t)).toBe('15 Minuten');
  });

  it('should name the lock with its wait, the slowed addresses, or a normal sign-in', () => {
    expect(signInStateText({ state: 'locked', recentFailures: 10, slowedClients: 0, lockedForSeconds: 840 }, t)).toBe(
      'Für fremde Geräte gesperrt, noch 14 Minuten; bekannte Geräte melden sich weiter an',
    );
    expect(signInStateText({ state: 'slowed', recentFailures: 5, slowedClients: 1, lockedForSeconds: null }, t)).toBe(
      'Anmeldung verlangsamt: 1 Adresse(n) müssen nach Fehlversuchen warten',
    );
    expect(signInStateText({ state: 'normal', recentFailures: 2, slowedClients: 0, lockedForSeconds: null }, t)).toBe('Anmeldung normal');
  });

  it('should offer unlocking only for a locked account', () => {
    expect(canUnlock({ state: 'locked', recentFailures: 10, slowedClients: 0, lockedForSeconds: 60 })).toBe(true);
    expect(canUnlock({ state: 'slowed', recentFailures: 5, slowedClients: 1, lockedForSeconds: null })).toBe(false);
    expect(canUnlock({ state: 'normal', recentFailures: 0, slowedClients: 0, lockedForSeconds: null })).toBe(false);
  });
});
