import { SqliteEventStore } from '../../libs/event-store/src';

/**
 * Run by bench-rss.ts in a fresh process: opens the log, reads every event decoded (as a
 * projection does), then prints its memory as one JSON line. A process of its own, so that
 * what the bench did before (appends, generated events, other stores' caches) is not counted.
 */
async function main(file: string): Promise<void> {
  const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);
  const store = SqliteEventStore.open({ path: file });
  try {
    const before = process.memoryUsage();
    let events = 0;
    for await (const event of store.readAll()) if (event.data !== event.metadata) events++;
    const after = process.memoryUsage();
    process.stdout.write(
      `${JSON.stringify({
        events,
        rss_before_mb: mib(before.rss),
        rss_after_mb: mib(after.rss),
        heap_after_mb: mib(after.heapUsed),
        max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      })}\n`,
    );
  } finally {
    await store.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
