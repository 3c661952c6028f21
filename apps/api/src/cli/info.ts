import { loadAppConfig } from '../platform/config/app-config';
import { isServerRunning, readServerState } from '../platform/runtime/server-state';
import { startBannerLines } from '../platform/runtime/start-banner';

// `npm run info`: the start banner again (addresses, sign-ins, warnings), from the state file the
// server wrote into its data folder; passwords only in a terminal.
function info(): string[] {
  const config = loadAppConfig(process.env);
  const state = readServerState(config.dataDir);
  if (!state) return [`Mit dem Datenordner ${config.dataDir} wurde Wahlsystem noch nicht gestartet: npm start`];
  const since = new Date(state.startedAt).toLocaleString('de-DE');
  const heading = isServerRunning(state)
    ? `Wahlsystem läuft (seit ${since}, Prozess ${state.pid}).`
    : `Wahlsystem läuft nicht; Angaben vom letzten Start (${since}):`;
  return [heading, ...startBannerLines(state, { showPasswords: process.stdout.isTTY })];
}

try {
  process.stdout.write(`${info().join('\n')}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
