import { isLoopbackUrl } from '../config/public-address';
import type { ServerState } from './server-state';

/** The warning of the start banner, the log and `npm run info` when PUBLIC_BASE_URL names this machine only. */
export const loopbackWarning = (publicBaseUrl: string): string =>
  `Achtung: Links auf Zugangscode-Bögen und Wahlbenachrichtigungen führen auf ${publicBaseUrl} – das erreicht nur dieser ` +
  'Rechner. Vor dem Drucken PUBLIC_BASE_URL auf die öffentliche Adresse setzen (z. B. https://wahlen.example.de).';

const HIDDEN = 'nur im Terminal: npm run info';

/**
 * The start banner: addresses, sign-ins and warnings; shown by `npm start` and `npm run info`. Passwords
 * only when a person reads it in a terminal: piped output ends up in logs.
 */
export function startBannerLines(state: ServerState, options: { readonly showPasswords: boolean }): string[] {
  const base = state.localUrl;
  const password = (value: string): string => (options.showPasswords ? `"${value}"` : HIDDEN);
  const lines = [
    `  Ergebnisseite (öffentlich): ${base}/`,
    `  Wahlamt und Wahlvorstände:  ${base}/office/`,
    `  API-Dokumentation:          ${base}/api/docs`,
    `  Zustand:                    ${base}/api/health`,
  ];
  if (state.generatedAdminPassword) {
    lines.push('', `  Erste Anmeldung: Benutzer "admin", Passwort ${password(state.generatedAdminPassword)} (beim ersten Start erzeugt;`);
    lines.push('  mit WAHL_ADMIN_PASSWORD selbst festlegen)');
  }
  if (state.demo?.signIns.length) {
    lines.push('', `  Demo: ${state.demo.town} (fiktiv), Anmeldung unter ${base}/office/:`);
    for (const user of state.demo.signIns)
      lines.push(`    ${user.label}: Benutzer "${user.username}", Passwort ${password(user.password)}`);
  }
  if (isLoopbackUrl(state.publicBaseUrl)) lines.push('', `  ${loopbackWarning(state.publicBaseUrl)}`);
  return lines;
}
