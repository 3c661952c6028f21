import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetentionSchedule } from './retention.schedule';
import type { RetentionService } from './retention.service';

describe('RetentionSchedule', () => {
  afterEach(() => vi.useRealTimers());

  it('should run ten minutes after start, then once a day, and stop on shutdown', async () => {
    vi.useFakeTimers();
    const runScheduled = vi.fn().mockResolvedValue({ elections: 0, deleted: 0 });
    const schedule = new RetentionSchedule({ runScheduled } as unknown as RetentionService);
    schedule.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(runScheduled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runScheduled).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(runScheduled).toHaveBeenCalledTimes(2);
    await schedule.onApplicationShutdown();
    await vi.advanceTimersByTimeAsync(3 * 24 * 3_600_000);
    expect(runScheduled).toHaveBeenCalledTimes(2);
  });

  it('should not start a run while the last one is still going', async () => {
    vi.useFakeTimers();
    let finish: () => void = () => undefined;
    const runScheduled = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const schedule = new RetentionSchedule({ runScheduled } as unknown as RetentionService);
    schedule.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(10 * 60_000 + 2 * 24 * 3_600_000);
    expect(runScheduled).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(runScheduled).toHaveBeenCalledTimes(2);
    finish();
    await schedule.onApplicationShutdown();
  });
});
