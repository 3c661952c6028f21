import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// Browser tests drive Debian's Chromium (package `chromium`) through playwright-core. Without the
// executable they are skipped with a notice instead of failing, so a machine without it can still run
// the rest of the suite.
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM_PATH);

const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS_DIR = resolve('test-artifacts');

/** Prints why the browser tests of `suite` do not run; call it where the suite is declared. */
export function noticeIfNoBrowser(suite: string): void {
  if (!browserAvailable)
    console.warn(`[${suite}] skipped: no Chromium at ${CHROMIUM_PATH} (install the chromium package or set CHROMIUM_PATH)`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS });
}

/** The id of the focused element (the tests compile without DOM types, so the check is an expression). */
export const focusedId = (page: Page): Promise<string | null> => page.evaluate('document.activeElement ? document.activeElement.id : null');

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

export type WebApp = 'office-web' | 'results-web' | 'postal-web';

const newestChange = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
};

/** The built index.html is missing or older than the app's sources (or the libraries it bundles). */
export function isStale(app: WebApp): boolean {
  const built = resolve('dist/apps', app, 'index.html');
  if (!existsSync(built)) return true;
  const libraries = ['libs/domain/src', 'libs/contracts/src', 'libs/web-kit/src'].map((lib) => newestChange(resolve(lib)));
  const sources = Math.max(newestChange(resolve('apps', app)), ...libraries);
  return sources > statSync(built).mtimeMs;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Builds the web app when needed, before the test app starts (the API serves dist/apps/* only if
 * present at start). A lock directory keeps test files that run in parallel from building at once.
 */
export async function ensureWebAppBuilt(app: WebApp): Promise<void> {
  if (!isStale(app)) return;
  const lock = resolve('dist', `.${app}.build-lock`);
  mkdirSync(resolve('dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than three minutes is left over from a crash.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the ${app} build lock`);
      await sleep(250);
    }
  }
  try {
    if (!isStale(app)) return;
    try {
      execFileSync('npx', ['nx', 'run', `${app}:build`, '--outputStyle=static', '--skipNxCache'], {
        stdio: 'pipe',
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      });
    } catch (error) {
      const output = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`building ${app} failed:\n${output.stdout?.toString() ?? ''}${output.stderr?.toString() ?? ''}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Elements reaching past the viewport's right edge, as tag#id.classes (none: the page needs no
 * sideways scrolling). Tables in a `.table-scroll` region scroll on their own and do not count.
 */
export const elementsPastRightEdge = (page: Page): Promise<string[]> =>
  page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'))`);
