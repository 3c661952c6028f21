import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RetentionService } from './retention.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 10 * 60 * 1000;

/**
 * The daily retention run in the API process (R8.4). Every process runs it; the per-election advisory
 * lock and the idempotent deletions make a second process's run a no-op. The job is one service
 * method (RetentionService.runScheduled), so a job queue can take it over unchanged.
 */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionSchedule.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly retention: RetentionService) {}

  onApplicationBootstrap(): void {
    // First run some minutes after start (not during start-up), then once a day; never keeps the process alive.
    this.timer = setTimeout(() => {
      this.tick();
      this.timer = setInterval(() => this.tick(), DAY_MS).unref();
    }, FIRST_RUN_DELAY_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.retention
      .runScheduled()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`retention run failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = undefined));
  }
}
