import { describe, expect, it } from 'vitest';
import { connectionArgs, parseToolMajor } from './pg-tools';

describe('the PostgreSQL client tools for backups', () => {
  it('should read the major version of what the tools print', () => {
    expect(parseToolMajor('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n')).toBe(15);
    expect(parseToolMajor('pg_restore (PostgreSQL) 17.6\n')).toBe(17);
    expect(parseToolMajor('pg_dump (PostgreSQL) 18beta1\n')).toBe(18);
    expect(parseToolMajor('something else')).toBeUndefined();
  });

  it('should hand the password to the tools through the environment, never on the command line', () => {
    const { dbname, env } = connectionArgs('postgres://wahl:geheim%21@db.example:5432/wahlsystem?sslmode=require');
    expect(dbname).toBe('postgres://wahl@db.example:5432/wahlsystem?sslmode=require');
    expect(env['PGPASSWORD']).toBe('geheim!');
    expect(connectionArgs('postgres://wahl@db.example/wahlsystem').env['PGPASSWORD']).toBe(process.env['PGPASSWORD']);
  });
});
