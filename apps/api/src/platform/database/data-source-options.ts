import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../../migrations';
import { POOL_TIMEOUTS } from './timeouts';

// Schema changes only through migrations; never synchronize. Entities come from the modules
// (TypeOrmModule.forFeature with autoLoadEntities), or from the caller for the migration tools.
export function dataSourceOptions(url: string, entities: readonly Function[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...entities],
    migrations: [...MIGRATIONS],
    migrationsTableName: 'typeorm_migrations',
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, ...POOL_TIMEOUTS },
  };
}
