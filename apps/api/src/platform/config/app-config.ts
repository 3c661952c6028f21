// The one reader of process.env: every variable is parsed and checked here, at start.
export type AppConfig = {
  readonly port: number;
  readonly host: string;
  /** Absent: an embedded PostgreSQL is started under dataDir. */
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly adminPassword: string | undefined;
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * `json`: one object per line, for pipes, files and log collectors; `terminal`: one short line per entry
   * for a person; `auto` (LOG_FORMAT unset): terminal when stdout is one, JSON with NODE_ENV=production.
   */
  readonly logFormat: 'json' | 'terminal' | 'auto';
  readonly publicBaseUrl: string;
  readonly seedDemo: boolean;
  /** Card templates and fonts (templates/ of the repository by default). */
  readonly templatesDir: string;
  /**
   * Key from which the polling cards derive each voter's QR token (R3.8); only the tokens' hashes are
   * stored. Absent: a random key is created once in dataDir.
   */
  readonly cardTokenKey: string | undefined;
  /**
   * Browser origins besides the API's own that may open a socket (WAHL_ALLOWED_ORIGINS, comma-separated,
   * e.g. `https://wahlen.example.de`); issue 17, finding 8.
   */
  readonly allowedOrigins: readonly string[];
  /** Folder of pg_dump and pg_restore for `db:backup`/`db:restore` (PG_BIN_DIR); absent: found on PATH. */
  readonly pgBinDir: string | undefined;
  /**
   * How long a background job may run without ending or handing over (WAHL_JOB_LEASE_SECONDS): a job
   * of a process that died is taken up by another process after about this long (platform/jobs).
   */
  readonly jobLeaseSeconds: number;
  /** Whether this process takes background jobs (WAHL_JOB_WORKER, default true); a process without only sends them. */
  readonly jobWorker: boolean;
  /**
   * Whether webhooks may go to loopback, private and link-local addresses (WAHL_WEBHOOK_ALLOW_PRIVATE,
   * default false): only for tests and closed networks, since the API would otherwise reach internal hosts.
   */
  readonly webhookAllowPrivateTargets: boolean;
  /** First wait before a failed webhook delivery is tried again (WAHL_WEBHOOK_RETRY_SECONDS, default 30); it doubles each time. */
  readonly webhookRetrySeconds: number;
  /**
   * How often a process compares the versions of its loaded elections with the database, should a
   * Redis message of another process be lost (WAHL_VERSION_CHECK_SECONDS, default 5).
   */
  readonly versionCheckSeconds: number;
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['json', 'terminal'] as const;

function logFormat(env: Env): AppConfig['logFormat'] {
  const raw = env['LOG_FORMAT'];
  if (raw === undefined || raw === '') return env['NODE_ENV'] === 'production' ? 'json' : 'auto';
  if (!(LOG_FORMATS as readonly string[]).includes(raw)) throw new ConfigError('LOG_FORMAT', `must be one of ${LOG_FORMATS.join(', ')}`);
  return raw as AppConfig['logFormat'];
}

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(name, `must be a port number from 0 to 65535, got "${raw}"`);
  }
  return value;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function seconds(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > 86_400) throw new ConfigError(name, `must be whole seconds from ${min} to 86400`);
  return value;
}

function secret(env: Env, name: string, minLength: number): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < minLength) throw new ConfigError(name, `must have at least ${minLength} characters`);
  return raw;
}

function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let parsed: URL;
      try {
        parsed = new URL(entry);
      } catch {
        throw new ConfigError(name, `"${entry}" is not a valid origin`);
      }
      if (!['http:', 'https:'].includes(parsed.protocol)) throw new ConfigError(name, `"${entry}" must start with http:// or https://`);
      return parsed.origin;
    });
}

export function loadAppConfig(env: Env): AppConfig {
  const listenPort = port(env, 'PORT', 3000);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const adminPassword = env['WAHL_ADMIN_PASSWORD'] || undefined;
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('WAHL_ADMIN_PASSWORD', 'must have at least 12 characters');
  }
  const logLevel = env['LOG_LEVEL'] || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    port: listenPort,
    host: env['HOST'] || '0.0.0.0',
    databaseUrl,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    adminPassword,
    dataDir: env['WAHL_DATA_DIR'] || '.data',
    embeddedPostgresPort: port(env, 'EMBEDDED_PG_PORT', 54329),
    logLevel: logLevel as AppConfig['logLevel'],
    logFormat: logFormat(env),
    publicBaseUrl: url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${listenPort}`,
    seedDemo: bool(env, 'WAHL_SEED_DEMO', databaseUrl === undefined),
    templatesDir: env['WAHL_TEMPLATES_DIR'] || 'templates',
    cardTokenKey: secret(env, 'WAHL_CARD_TOKEN_KEY', 32),
    allowedOrigins: origins(env, 'WAHL_ALLOWED_ORIGINS'),
    pgBinDir: env['PG_BIN_DIR'] || undefined,
    jobLeaseSeconds: seconds(env, 'WAHL_JOB_LEASE_SECONDS', 120, 4),
    jobWorker: bool(env, 'WAHL_JOB_WORKER', true),
    webhookAllowPrivateTargets: bool(env, 'WAHL_WEBHOOK_ALLOW_PRIVATE', false),
    webhookRetrySeconds: seconds(env, 'WAHL_WEBHOOK_RETRY_SECONDS', 30, 1),
    versionCheckSeconds: seconds(env, 'WAHL_VERSION_CHECK_SECONDS', 5, 1),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
