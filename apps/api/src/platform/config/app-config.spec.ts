import { describe, expect, it } from 'vitest';
import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('should use the embedded database and port 3000 when nothing is set', () => {
    const config = loadAppConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.jobLeaseSeconds).toBe(120);
    expect(config.jobWorker).toBe(true);
  });

  it('should read the job lease in whole seconds and whether the process takes jobs', () => {
    expect(loadAppConfig({ WAHL_JOB_LEASE_SECONDS: '30', WAHL_JOB_WORKER: 'false' })).toMatchObject({
      jobLeaseSeconds: 30,
      jobWorker: false,
    });
  });

  it('should refuse private webhook targets and wait 30 s before a retry unless set otherwise', () => {
    expect(loadAppConfig({})).toMatchObject({ webhookAllowPrivateTargets: false, webhookRetrySeconds: 30 });
    expect(loadAppConfig({ WAHL_WEBHOOK_ALLOW_PRIVATE: 'true', WAHL_WEBHOOK_RETRY_SECONDS: '1' })).toMatchObject({
      webhookAllowPrivateTargets: true,
      webhookRetrySeconds: 1,
    });
  });

  it('should compare the published versions with the database every 5 s unless set otherwise', () => {
    expect(loadAppConfig({}).versionCheckSeconds).toBe(5);
    expect(loadAppConfig({ WAHL_VERSION_CHECK_SECONDS: '60' }).versionCheckSeconds).toBe(60);
    expect(() => loadAppConfig({ WAHL_VERSION_CHECK_SECONDS: '0' })).toThrow(/WAHL_VERSION_CHECK_SECONDS/);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ WAHL_ADMIN_PASSWORD: 'short' }, 'WAHL_ADMIN_PASSWORD'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LOG_FORMAT: 'pretty' }, 'LOG_FORMAT'],
    [{ WAHL_ALLOWED_ORIGINS: 'ftp://x.example' }, 'WAHL_ALLOWED_ORIGINS'],
    [{ WAHL_ALLOWED_ORIGINS: 'https://ok.example, kein origin' }, 'WAHL_ALLOWED_ORIGINS'],
    [{ WAHL_JOB_LEASE_SECONDS: '3' }, 'WAHL_JOB_LEASE_SECONDS'],
    [{ WAHL_JOB_LEASE_SECONDS: '1.5' }, 'WAHL_JOB_LEASE_SECONDS'],
    [{ WAHL_JOB_WORKER: 'maybe' }, 'WAHL_JOB_WORKER'],
    [{ WAHL_WEBHOOK_ALLOW_PRIVATE: 'maybe' }, 'WAHL_WEBHOOK_ALLOW_PRIVATE'],
    [{ WAHL_WEBHOOK_RETRY_SECONDS: '0' }, 'WAHL_WEBHOOK_RETRY_SECONDS'],
  ])('should reject %o naming %s', (env, variable) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    try {
      loadAppConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message.startsWith(`${variable}: `)).toBe(true);
    }
  });

  it('should read the allowed socket origins as origins', () => {
    expect(loadAppConfig({}).allowedOrigins).toEqual([]);
    expect(loadAppConfig({ WAHL_ALLOWED_ORIGINS: 'https://wahlen.example.de/, http://localhost:5173' }).allowedOrigins).toEqual([
      'https://wahlen.example.de',
      'http://localhost:5173',
    ]);
  });

  it('should choose the log format by the terminal unless LOG_FORMAT or NODE_ENV=production decide', () => {
    expect(loadAppConfig({}).logFormat).toBe('auto');
    expect(loadAppConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadAppConfig({ NODE_ENV: 'production', LOG_FORMAT: 'terminal' }).logFormat).toBe('terminal');
    expect(loadAppConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
  });
});
