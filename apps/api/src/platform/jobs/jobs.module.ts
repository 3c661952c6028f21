import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** Background jobs on pg-boss (job-queue.ts); global like the database it runs on. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
