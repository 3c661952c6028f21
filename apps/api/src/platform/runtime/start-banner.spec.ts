import { describe, expect, it } from 'vitest';
import type { ServerState } from './server-state';
import { startBannerLines } from './start-banner';

const STATE: ServerState = {
  pid: 1,
  startedAt: '2026-12-06T20:00:00.000Z',
  localUrl: 'http://localhost:3000',
  publicBaseUrl: 'http://localhost:3000',
  generatedAdminPassword: 'Zufall-123',
  demo: { town: 'Stadt Wahlingen', signIns: [{ label: 'Sachbearbeitung', username: 'sachbearbeitung', password: 'demo-pw' }] },
};

describe('startBannerLines', () => {
  it('should show the passwords to a person at a terminal only', () => {
    const shown = startBannerLines(STATE, { showPasswords: true }).join('\n');
    expect(shown).toContain('Benutzer "admin", Passwort "Zufall-123"');
    expect(shown).toContain('Benutzer "sachbearbeitung", Passwort "demo-pw"');
    const hidden = startBannerLines(STATE, { showPasswords: false }).join('\n');
    expect(hidden).not.toMatch(/Zufall-123|demo-pw/);
    expect(hidden).toContain('Benutzer "admin", Passwort nur im Terminal: npm run info');
  });

  it('should warn while the printed links point to this machine, and not once PUBLIC_BASE_URL is public', () => {
    const warning = /Achtung: Links auf Zugangscode-Bögen und Wahlbenachrichtigungen führen auf http:\/\/localhost:3000/;
    expect(startBannerLines(STATE, { showPasswords: false }).join('\n')).toMatch(warning);
    const published = startBannerLines({ ...STATE, publicBaseUrl: 'https://wahlen.example.de' }, { showPasswords: false });
    expect(published.join('\n')).not.toContain('Achtung');
  });
});
