import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from '../../apps/api/src/entities';
import { dataSourceOptions } from '../../apps/api/src/platform/database/data-source-options';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Every migration's `down` must undo its `up`: revert them all on a scratch database, check that
// nothing is left, apply them again and check that the schema matches the entities once more.
describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  const tables = async (): Promise<string[]> =>
    (await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map(
      (row: { tablename: string }) => row.tablename,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url, ENTITIES));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('should revert every migration and apply them again to the same schema', async () => {
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['elections', 'districts', 'street_segments', 'users']));

    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['typeorm_migrations']);

    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(before);
    // No difference between the entities and the migrated schema.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
