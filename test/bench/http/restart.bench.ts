import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MeasuredFigure } from '../bench-report';
import { progress } from '../bench-timer';
import { buildApiOnce, prepareDataDir, startVigie, waitCaughtUp } from './vigie-server';

const healthSummary = (body: unknown): Record<string, unknown> => {
  const { status, degraded, leaseHeld, projectionsLag } = body as Record<string, unknown>;
  return { status, ...(degraded === undefined ? {} : { degraded }), leaseHeld, projectionsLag };
};

/** What the first 200 of /health said, in one line: status, lease, the largest projection lag. */
const healthNote = (body: unknown): string => {
  const { status, leaseHeld, projectionsLag } = body as { status: string; leaseHeld: boolean; projectionsLag?: Record<string, string> };
  const lags = Object.values(projectionsLag ?? {}).map(Number);
  return `/health said: ${status}, leaseHeld ${String(leaseHeld)}, max projection lag ${lags.length > 0 ? Math.max(...lags) : 'n/a'}`;
};

/**
 * (a) `npm start` again on a data dir that was started before, nothing changed: from the
 * spawn of npm (its build step included) to the first 200 of /health. `dataDir`: one
 * already started and stopped (the HTTP section's); otherwise one is started once here.
 */
export async function benchNpmRestart(dir: string, dataDir: string | undefined): Promise<MeasuredFigure> {
  buildApiOnce();
  let data = dataDir;
  if (data === undefined) {
    data = path.join(dir, 'restart-data');
    prepareDataDir(data);
    progress('restart: first start of a new data dir');
    await (await startVigie(data)).stop();
  }
  progress('restart: npm start again on the same data dir, timed to the first 200 of /health');
  const vigie = await startVigie(data, { how: 'npm-start' });
  const ms = vigie.firstHealth.ms;
  await vigie.stop();
  return {
    label: 'second npm start (build step included) → /health 200',
    value: ms,
    unit: 'ms',
    target: { value_at_most: 3000 },
    details: { health: healthSummary(vigie.firstHealth.body) },
    note: healthNote(vigie.firstHealth.body),
  };
}

/**
 * (b) node main.js on a data dir whose log holds `events` events and whose projections
 * have caught up: started once and left to catch up (polling /health until every
 * projection is 0 behind), stopped with SIGTERM, started again and timed to the first
 * 200 of /health. `log` is an events.db the API accepts (the audit log generator's);
 * it is copied, so the caller's file stays untouched.
 */
export async function benchBigRestart(dir: string, log: string, events: number): Promise<Record<string, MeasuredFigure>> {
  buildApiOnce();
  const data = path.join(dir, 'restart-big-data');
  prepareDataDir(data);
  fs.copyFileSync(log, path.join(data, 'events.db'));
  progress(`restart: first start on the ${events.toLocaleString('en-US')}-event log, projections catching up`);
  const first = await startVigie(data, { timeoutMs: 30 * 60_000 });
  const caughtUp = await waitCaughtUp(first.base, 60 * 60_000);
  const catchUpMs = Math.round(performance.now() - first.server.spawnedAt);
  const exit = await first.stop();
  progress('restart: node main.js again on the caught-up store, timed to the first 200 of /health');
  const again = await startVigie(data, { timeoutMs: 10 * 60_000 });
  const settled = await waitCaughtUp(again.base, 10 * 60_000);
  const afterMs = Math.round(performance.now() - again.server.spawnedAt);
  await again.stop();
  return {
    restart_caught_up: {
      label: `restart on a caught-up ${events.toLocaleString('en-US')}-event store → /health 200`,
      value: again.firstHealth.ms,
      unit: 'ms',
      target: { value_at_most: 2000 },
      note: healthNote(again.firstHealth.body),
      details: { health: healthSummary(again.firstHealth.body), caught_up_again_ms: afterMs, health_when_caught_up: healthSummary(settled), first_stop_exit: exit },
    },
    restart_first_catch_up: {
      label: `  first start on it: spawn → projections caught up`,
      value: catchUpMs,
      unit: 'ms',
      details: { first_health_ms: first.firstHealth.ms, health: healthSummary(caughtUp) },
      note: `first /health 200 after ${first.firstHealth.ms} ms`,
    },
  };
}
