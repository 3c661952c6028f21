import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../platform/database/data-source-options';
import { ENTITIES } from '../entities';
import { startEmbeddedPostgres } from '../platform/database/embedded-postgres';
import { runMigrations } from '../platform/database/run-migrations';

// `npm run db:generate -- Name`: diffs the entities against a scratch database that has every
// existing migration applied, writes migrations/<timestamp>-<Name>.ts and refreshes the index.
const MIGRATIONS_DIR = resolve('migrations');

const quote = (sql: string): string => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

function writeIndex(): void {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+-\w+\.ts$/.test(f))
    .sort();
  const classes = files.map((f) => {
    const [timestamp, name] = f.replace(/\.ts$/, '').split('-') as [string, string];
    return { file: f.replace(/\.ts$/, ''), className: `${name}${timestamp}` };
  });
  const body = [
    ...classes.map((c) => `import { ${c.className} } from './${c.file}';`),
    '',
    '// Every migration in order; the data source takes this list (no globs, so builds stay explicit).',
    '// Written by `npm run db:generate`.',
    `export const MIGRATIONS: readonly Function[] = [${classes.map((c) => c.className).join(', ')}];`,
    '',
  ];
  writeFileSync(join(MIGRATIONS_DIR, 'index.ts'), body.join('\n'));
}

const TABLE_IN_QUERY = /(?:TABLE|ON|INTO)\s+"(?:public"\.")?(\w+)"/g;
const tablesOf = (query: string): string[] => [...query.matchAll(TABLE_IN_QUERY)].map((m) => m[1]!);

/**
 * Several developers may change entities at once; `--tables a,b` keeps only the statements (with
 * their paired down statements) that touch those tables, so each commits a migration of its own.
 */
function selectQueries(
  up: readonly { query: string }[],
  down: readonly { query: string }[],
  tables: readonly string[] | undefined,
): { up: string[]; down: string[]; others: Set<string> } {
  const others = new Set<string>();
  const keep = up.map((q) => {
    const touched = tablesOf(q.query);
    const mine = !tables || touched.some((t) => tables.includes(t));
    if (!mine) touched.forEach((t) => others.add(t));
    return mine;
  });
  if (tables && up.length !== down.length) throw new Error('Cannot pair up and down statements; generate without --tables.');
  return {
    up: up.filter((_, i) => keep[i]).map((q) => q.query),
    down: down.filter((_, i) => keep[i]).map((q) => q.query),
    others,
  };
}

async function generate(name: string, tables: string[] | undefined): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Name the migration in PascalCase, e.g. AddRollTables');
  const dir = mkdtempSync(join(tmpdir(), 'wahl-migration-'));
  const server = await startEmbeddedPostgres({ dataDir: dir, port: 54390 + Math.floor(Math.random() * 9), persistent: false });
  try {
    const url = server.url('postgres');
    await runMigrations(url);
    const dataSource = new DataSource(dataSourceOptions(url, ENTITIES));
    await dataSource.initialize();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    const selected = selectQueries(sql.upQueries, sql.downQueries, tables);
    if (tables && selected.others.size) console.log(`Left out (other tables): ${[...selected.others].join(', ')}`);
    if (selected.up.length === 0) {
      console.log('No changes between the entities and the migrations.');
      return;
    }
    if (!tables) {
      const touched = new Set(selected.up.flatMap(tablesOf));
      console.log(`Tables touched: ${[...touched].join(', ')} (use --tables a,b to keep only yours)`);
    }
    const timestamp = Date.now();
    const up = selected.up.map((q) => `    await queryRunner.query(${quote(q)});`);
    const down = selected.down.reverse().map((q) => `    await queryRunner.query(${quote(q)});`);
    const source = [
      "import type { MigrationInterface, QueryRunner } from 'typeorm';",
      '',
      `export class ${name}${timestamp} implements MigrationInterface {`,
      `  name = '${name}${timestamp}';`,
      '',
      '  async up(queryRunner: QueryRunner): Promise<void> {',
      ...up,
      '  }',
      '',
      '  async down(queryRunner: QueryRunner): Promise<void> {',
      ...down,
      '  }',
      '}',
      '',
    ].join('\n');
    writeFileSync(join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`), source);
    writeIndex();
    console.log(`Wrote migrations/${timestamp}-${name}.ts (${up.length} statements up, ${down.length} down)`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const tablesFlag = process.argv.indexOf('--tables');
const onlyTables = tablesFlag > 0 ? (process.argv[tablesFlag + 1] ?? '').split(',').filter(Boolean) : undefined;
generate(process.argv[2] ?? '', onlyTables).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
