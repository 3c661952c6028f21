// The pull connector's HTTP side: one page of residents from a register service (docs/REGISTER-PULL.md),
// with a timeout per request and retries with exponential backoff for what may pass (network errors,
// timeouts, 5xx, 429, a cut-off or unreadable body). A 4xx answer is final.

export type PullPage = {
  /** The page's residents, each an object with the CSV's column names as keys. */
  readonly residents: readonly unknown[];
  readonly nextCursor: string | null;
};

export type PullClientOptions = {
  readonly baseUrl: string;
  readonly pageSize: number;
  readonly timeoutMs: number;
  /** Attempts per page, the first included. */
  readonly maxAttempts: number;
  /** Wait before the 2nd attempt; doubled for each further one (capped at 60 s). */
  readonly retryDelayMs: number;
  readonly signal?: AbortSignal;
};

/** A page could not be fetched; `permanent`: retrying will not help (a 4xx answer). German message. */
export class PullError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly attempts: number,
  ) {
    super(message);
  }
}

const MAX_DELAY_MS = 60_000;

export const pageUrl = (options: Pick<PullClientOptions, 'baseUrl' | 'pageSize'>, cursor: string | null): string => {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/residents`);
  url.searchParams.set('limit', String(options.pageSize));
  if (cursor !== null) url.searchParams.set('cursor', cursor);
  return url.toString();
};

function parsePage(text: string): PullPage | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'Die Antwort ist kein vollständiges JSON (abgeschnitten?).';
  }
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { residents?: unknown }).residents)) {
    return 'Die Antwort hat kein Feld „residents“ mit einer Liste.';
  }
  const nextCursor = (body as { nextCursor?: unknown }).nextCursor ?? null;
  if (nextCursor !== null && (typeof nextCursor !== 'string' || nextCursor === ''))
    return '„nextCursor“ muss eine nicht leere Zeichenkette oder null sein.';
  return { residents: (body as { residents: unknown[] }).residents, nextCursor };
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** Fetches the page after `cursor` (null: the first page), retrying transient failures. */
export async function fetchRegisterPage(options: PullClientOptions, cursor: string | null): Promise<PullPage> {
  const url = pageUrl(options, cursor);
  let lastProblem = '';
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    if (attempt > 1) await sleep(Math.min(MAX_DELAY_MS, options.retryDelayMs * 2 ** (attempt - 2)), options.signal);
    if (options.signal?.aborted) throw new PullError('Der Abruf wurde abgebrochen (der Dienst wird beendet).', false, attempt);
    const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.any(signals), redirect: 'error' });
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        await response.body?.cancel().catch(() => undefined);
        throw new PullError(`Der Registerdienst lehnt die Anfrage ab (HTTP ${response.status}).`, true, attempt);
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        lastProblem = `HTTP ${response.status}`;
        continue;
      }
      const page = parsePage(await response.text());
      if (typeof page === 'string') {
        lastProblem = page;
        continue;
      }
      return page;
    } catch (error) {
      if (error instanceof PullError) throw error;
      if (options.signal?.aborted) throw new PullError('Der Abruf wurde abgebrochen (der Dienst wird beendet).', false, attempt);
      lastProblem =
        error instanceof Error && error.name === 'TimeoutError'
          ? `keine Antwort binnen ${Math.round(options.timeoutMs / 1000)} s`
          : 'Verbindung fehlgeschlagen oder abgebrochen';
    }
  }
  throw new PullError(
    `Die Seite konnte nach ${options.maxAttempts} Versuchen nicht geladen werden (zuletzt: ${lastProblem}).`,
    false,
    options.maxAttempts,
  );
}
