import { RetentionScheduler, type RetentionSchedulerHost } from './retention-scheduler.service';

// start() and stop() touch nothing of the host: only runOnce() reads the stores.
const host = {} as RetentionSchedulerHost;

describe('RetentionScheduler timer', () => {
  it('runs on a timer once started, until stopped', async () => {
    const scheduler = new RetentionScheduler(host, { intervalMs: 60_000 });
    expect(scheduler.ticking).toBe(false);
    scheduler.start();
    expect(scheduler.ticking).toBe(true);
    await scheduler.stop();
    expect(scheduler.ticking).toBe(false);
  });

  it('with timer: false arms no timer, so only runOnce() (called by a test) runs it', async () => {
    const scheduler = new RetentionScheduler(host, { intervalMs: 60_000, timer: false });
    scheduler.start();
    expect(scheduler.ticking).toBe(false);
    await scheduler.stop();
  });
});
