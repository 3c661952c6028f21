import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../../migrations';
import { ENTITIES } from './entities';

// Schema changes only through migrations; never synchronize.
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...ENTITIES],
    migrations: [...MIGRATIONS],
    migrationsTableName: 'typeorm_migrations',
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20 },
  };
}
