import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Database } from '../database/database';

/**
 * A kind of background job: its queue name and payload type, defined once beside the code that runs
 * it (`defineJob<{ jobId: string }>('polling-cards.render')`). Payloads carry ids only, never data
 * of a person: pg-boss keeps them in its tables.
 */
export type JobDefinition<P extends object> = { readonly name: string; readonly payload?: P };

export const defineJob = <P extends object>(name: string): JobDefinition<P> => ({ name });

/** What a handler gets besides its payload. */
export type JobRun = {
  /** pg-boss's id of this run. */
  readonly id: string;
  /**
   * True once the run should end and hand over (its share of the lease is used up, or the process
   * is shutting down): a long job stores its progress and sends itself again (JobQueue.send).
   */
  readonly handOver: () => boolean;
};

/** How a failed job is tried again (JobQueue.send). */
export type JobRetry = { readonly limit: number; readonly delaySeconds: number };

/** Attempts after a process died or a handler threw before pg-boss gives a job up. */
const RETRY_LIMIT = 5;
/** A run hands over after this share of the lease, so the rest of the lease covers its last step. */
const SLICE_OF_LEASE = 1 / 3;

/**
 * The job queue of all API processes: pg-boss on the PostgreSQL the API already uses (schema
 * `pgboss`, through the API's own pool). Any process that is free takes a job; a job whose
 * process died (kill -9) expires after the lease and is retried by another process, which
 * continues from the job's stored progress. Queues use pg-boss's `stately` policy with the job's
 * own id as key: at most one run of a job at a time, and at most one waiting.
 */
@Injectable()
export class JobQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private boss: Promise<PgBoss> | undefined;
  private readonly queues = new Map<string, Promise<void>>();
  /** pg-boss's id of this process's worker per queue, to wake it when this process sends. */
  private readonly workers = new Map<string, string>();
  private stopping = false;

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs `handler` for jobs of this kind, one at a time per process; nothing when the process takes no
   * jobs. `givenUp` runs for a job pg-boss gave up on (its runs failed or died RETRY_LIMIT + 1 times):
   * it ends the job's own record, so that nothing stays `running` for the office.
   */
  async work<P extends object>(
    job: JobDefinition<P>,
    handler: (payload: P, run: JobRun) => Promise<void>,
    givenUp?: (payload: P) => Promise<void>,
  ): Promise<void> {
    if (!this.config.jobWorker) return;
    const boss = await this.queue(job);
    const sliceMs = this.config.jobLeaseSeconds * 1000 * SLICE_OF_LEASE;
    const worker = await boss.work<P>(job.name, { batchSize: 1 }, async ([item]) => {
      const until = Date.now() + sliceMs;
      await handler(item!.data, { id: item!.id, handOver: () => this.stopping || Date.now() >= until });
    });
    this.workers.set(job.name, worker);
    if (givenUp) await boss.work<P>(givenUpQueue(job), { batchSize: 1 }, ([item]) => givenUp(item!.data));
  }

  /**
   * Queues a job; `key` (the job's own id) keeps a second copy of it from waiting beside the first.
   * `retry`: a job whose handler throws is tried again after `delaySeconds`, doubling each time
   * (e.g. a delivery to a server that is down); by default at once.
   */
  async send<P extends object>(job: JobDefinition<P>, payload: P, key?: string, retry?: JobRetry): Promise<void> {
    const boss = await this.queue(job);
    await boss.send(job.name, payload, {
      ...(key ? { singletonKey: key } : {}),
      expireInSeconds: this.config.jobLeaseSeconds,
      retryLimit: retry?.limit ?? RETRY_LIMIT,
      retryDelay: retry?.delaySeconds ?? 0,
      retryBackoff: retry !== undefined,
      deadLetter: givenUpQueue(job),
    });
    // This process looks at once when it is free; the others at their next poll.
    const worker = this.workers.get(job.name);
    if (worker) boss.notifyWorker(worker);
  }

  /** Sends the job on the cron schedule (Europe/Berlin); once across all processes. */
  async schedule<P extends object>(job: JobDefinition<P>, cron: string, payload: P): Promise<void> {
    const boss = await this.queue(job);
    await boss.schedule(job.name, cron, payload, { tz: 'Europe/Berlin', expireInSeconds: this.config.jobLeaseSeconds });
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Running handlers hand over at their next step; pg-boss waits for them, then fails what is left (retried elsewhere).
    this.stopping = true;
    const boss = await this.boss?.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
  }

  private queue(job: JobDefinition<object>): Promise<PgBoss> {
    const boss = this.started();
    if (!this.queues.has(job.name))
      this.queues.set(
        job.name,
        boss.then(async (b) => {
          await createQueue(b, givenUpQueue(job), 'standard');
          await createQueue(b, job.name, 'stately');
        }),
      );
    return this.queues.get(job.name)!.then(() => boss);
  }

  private started(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = new PgBoss({
        db: { executeSql: (text, values) => this.db.query(text, values) },
        schema: 'pgboss',
        // Expired runs (their process died) are looked for this often, by one process at a time.
        maintenanceIntervalSeconds: Math.max(1, Math.floor(this.config.jobLeaseSeconds / 4)),
      });
      boss.on('error', (error: Error) => this.logger.warn(`job queue: ${error.message}`));
      await boss.start();
      return boss;
    })();
    return this.boss;
  }
}

/** pg-boss's dead-letter queue of a job: where it goes when pg-boss gives it up. */
const givenUpQueue = (job: JobDefinition<object>): string => `${job.name}.given-up`;

/** Creates the queue once; processes starting together may deadlock in pg-boss's create_queue, and one of them wins. */
async function createQueue(boss: PgBoss, name: string, policy: PgBoss.QueuePolicy): Promise<void> {
  for (let attempt = 1; !(await boss.getQueue(name)); attempt++) {
    try {
      await boss.createQueue(name, { name, policy });
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(100 * attempt);
    }
  }
}
