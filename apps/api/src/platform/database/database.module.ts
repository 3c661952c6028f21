import { Global, Module } from '@nestjs/common';
import { Database } from './database';

/** Provides the one `Database`; the data source itself is set up by the app module. */
@Global()
@Module({ providers: [Database], exports: [Database] })
export class DatabaseModule {}
