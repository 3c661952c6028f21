import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError, checkedTool, connectionArgs, parseToolMajor } from './pg-tools';

// A folder of client tools that report a chosen version, as PG_BIN_DIR would point to.
function binDirReporting(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wahl-pg-bin-'));
  for (const tool of ['pg_dump', 'pg_restore']) {
    writeFileSync(join(dir, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) ${version}"\n`);
    chmodSync(join(dir, tool), 0o755);
  }
  folders.push(dir);
  return dir;
}
const folders: string[] = [];

describe('the PostgreSQL client tools for backups', () => {
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('should read the major version of what the tools print', () => {
    expect(parseToolMajor('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n')).toBe(15);
    expect(parseToolMajor('pg_restore (PostgreSQL) 17.6\n')).toBe(17);
    expect(parseToolMajor('pg_dump (PostgreSQL) 18beta1\n')).toBe(18);
    expect(parseToolMajor('something else')).toBeUndefined();
  });

  it('should take tools of the server’s major version or newer', async () => {
    const dir = binDirReporting('17.6');
    await expect(checkedTool('pg_dump', dir, 17)).resolves.toBe(join(dir, 'pg_dump'));
    await expect(checkedTool('pg_restore', dir, 16)).resolves.toBe(join(dir, 'pg_restore'));
  });

  it('should refuse older tools in German, naming both versions and what to install', async () => {
    const dir = binDirReporting('15.20');
    const error = await checkedTool('pg_dump', dir, 17).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/^pg_dump 15 \(.*\) passt nicht zum Datenbankserver PostgreSQL 17\. /);
    expect((error as Error).message).toContain('postgresql-client-17');
    expect((error as Error).message).toContain('PG_BIN_DIR');
  });

  it('should say where it looked when a tool is missing', async () => {
    await expect(checkedTool('pg_restore', '/nonexistent/bin', 17)).rejects.toThrow(
      /^pg_restore wurde im Ordner \/nonexistent\/bin \(PG_BIN_DIR\) nicht gefunden\. Bitte die Client-Programme von PostgreSQL 17/,
    );
  });

  it('should hand the password to the tools through the environment, never on the command line', () => {
    const { dbname, env } = connectionArgs('postgres://wahl:geheim%21@db.example:5432/wahlsystem?sslmode=require');
    expect(dbname).toBe('postgres://wahl@db.example:5432/wahlsystem?sslmode=require');
    expect(env['PGPASSWORD']).toBe('geheim!');
    expect(connectionArgs('postgres://wahl@db.example/wahlsystem').env['PGPASSWORD']).toBe(process.env['PGPASSWORD']);
  });
});
