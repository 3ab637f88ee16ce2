import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  agentDecider,
  agentStream,
  EVENT_SCHEMA_VERSIONS,
  HABILITATION_LISTS_STREAM,
  habilitationListsDecider,
  operatorDecider,
  operatorStream,
  type Decider,
  type DomainEvent,
  type VigieEventType,
} from '@vigie/domain';
import { SqliteEventStore } from '@vigie/event-store';
import { eventIdFor, uuidFromSeed } from '@vigie/workflow';
import type { MeasuredFigure } from '../bench-report';
import { progress } from '../bench-timer';
import { runLoad } from './http-load';
import { CONNECTIONS, filingRequests, identificationRequest, setUpParties } from './vigie-http.bench';
import { BENCH_IDS, BENCH_KEYS, buildApiOnce, expect, prepareDataDir, startVigie, waitCaughtUp } from './vigie-server';

const DAY = 86_400_000;

/**
 * A directory with a long history, written before Vigie starts. Each command is decided
 * by the domain's own decider on the stream's state and stored with the metadata and
 * event ids the workflow's command handler gives (libs/workflow handleCommand), so every
 * event is one Vigie itself would write; only HTTP and the reloading of each stream are
 * skipped (with them, 2,000 commands take minutes, each re-reading its whole stream).
 * What the streams a filing reads may legally hold (libs/domain/src/agent, operator,
 * habilitation):
 * - the agent's stream: AgentHabilitated and AgentHabilitationRevoked only. A new decision
 *   is taken once none is in force, i.e. after a revocation or an expiry. So: one decision
 *   already expired, then habilitations and revocations in turn, the last habilitation in
 *   force: 1 + 500 + 499 = 1,000 events;
 * - the habilitation-lists stream: one HabilitationListTransmitted per list, sent while
 *   the agent is habilitated: two after each habilitation (1,000 lists), the latest naming
 *   the agent, as filing requires;
 * - the operator's stream: OperatorRegistered only, and a second registration is refused
 *   (OPERATOR_EXISTS), so it legally holds one event whatever the history: it stays at one.
 * Every instant lies a year back, one minute apart, so all of it is past when filing.
 * Written on tmpfs where there is one, then copied: the file is the same, without 2,000
 * synchronous commits.
 */
export async function seedHistory(eventsFile: string, agentEvents: number, lists: number): Promise<{ agentEvents: number; lists: number; seconds: number }> {
  const scratch = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'vigie-bench-history-'));
  const store = SqliteEventStore.open({ path: path.join(scratch, 'events.db') });
  const started = performance.now();
  let clock = Date.now() - 400 * DAY;
  let command = 0;
  const revisions = new Map<string, bigint>();
  /** One command: decided on the stream's state, appended as handleCommand appends it; returns the new state. */
  const run = async <C, E extends DomainEvent, S>(streamId: string, decider: Decider<C, E, S>, state: S, decide: (occurredAt: string) => C): Promise<S> => {
    clock += 60_000;
    const occurredAt = new Date(clock).toISOString();
    const commandId = uuidFromSeed(`bench-history:${command++}`);
    const events = decider.decide(decide(occurredAt), state, undefined);
    const revision = revisions.get(streamId);
    const result = await store.append(
      streamId,
      events.map((e, i) => {
        const eventId = eventIdFor(commandId, streamId, i);
        const metadata = { eventId, occurredAt, actor: { id: 'bench-admin', role: 'admin' }, commandId, correlationId: commandId, causationId: commandId, schemaVersion: EVENT_SCHEMA_VERSIONS[e.type as VigieEventType] };
        return { eventId, type: e.type, data: e.data as Record<string, unknown>, metadata };
      }),
      revision === undefined ? 'no-stream' : revision,
    );
    revisions.set(streamId, result.nextExpectedRevision);
    return events.reduce(decider.evolve, state);
  };
  const agent = agentStream(BENCH_IDS.agent);
  let agentState = agentDecider.initialState();
  let listsState = habilitationListsDecider.initialState();
  let written = 0;
  let sent = 0;
  try {
    await run(operatorStream(BENCH_IDS.operator), operatorDecider, operatorDecider.initialState(), (at) => ({
      type: 'RegisterOperator' as const,
      data: { operatorId: BENCH_IDS.operator, name: 'Bench operator', categories: ['electronic-communications' as const, 'hosting' as const], registeredAt: at },
    }));
    const habilitate = async (decision: number, expiresOn?: string): Promise<void> => {
      agentState = await run(agent, agentDecider, agentState, (at) => ({
        type: 'HabilitateAgent' as const,
        data: { agentId: BENCH_IDS.agent, fullName: 'Bench Agent', decisionRef: `PM-H-${decision}`, habilitatedOn: at.slice(0, 10), at, ...(expiresOn ? { expiresOn } : {}) },
      }));
      written++;
    };
    // Expires the next day: the later decisions need no revocation first.
    await habilitate(0, new Date(clock + DAY).toISOString().slice(0, 10));
    clock += 2 * DAY;
    // 1 expired + `cycles` habilitations + (cycles - 1) revocations = agentEvents.
    const cycles = Math.floor(agentEvents / 2);
    const listsPerCycle = Math.ceil(lists / cycles);
    for (let c = 1; c <= cycles; c++) {
      await habilitate(c);
      for (let l = 0; l < listsPerCycle && sent < lists; l++, sent++) {
        listsState = await run(HABILITATION_LISTS_STREAM, habilitationListsDecider, listsState, (at) => ({ type: 'TransmitHabilitationList' as const, data: { agentIds: [BENCH_IDS.agent], transmittedAt: at } }));
      }
      if (c < cycles) {
        agentState = await run(agent, agentDecider, agentState, (at) => ({ type: 'RevokeHabilitation' as const, data: { reason: 'Bench: decision withdrawn', revokedAt: at } }));
        written++;
      }
    }
    await store.close();
    fs.copyFileSync(path.join(scratch, 'events.db'), eventsFile);
  } finally {
    await store.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { agentEvents: written, lists: sent, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/**
 * Filing with a long history (1,000 lists, a 1,000-event agent stream) against filing with
 * one list: the same load, the ratio of their req/s. Both are measured here, one right
 * after the other (the history is written first): the one-list figure of the HTTP section
 * was taken minutes earlier, and the machine's speed moves that much between them.
 */
export async function benchHistory(dir: string, seconds: number): Promise<Record<string, MeasuredFigure>> {
  buildApiOnce();
  const figures: Record<string, MeasuredFigure> = {};
  const dataDir = path.join(dir, 'history-data');
  prepareDataDir(dataDir);
  progress('history: writing 1,000 agent events and 1,000 habilitation lists (workflow command handler)');
  const made = await seedHistory(path.join(dataDir, 'events.db'), 1000, 1000);
  const oneListDir = path.join(dir, 'one-list-data');
  prepareDataDir(oneListDir);
  const oneList = await startVigie(oneListDir);
  try {
    await setUpParties(oneList.base);
    progress(`history: filing with one list, ${CONNECTIONS} connections, ${seconds} s`);
    figures.history_file_one_list = await runLoad({ label: 'HTTP POST /v1/requests, one list', url: oneList.base, seconds, connections: CONNECTIONS, expectedStatus: 201, requests: filingRequests([]), serverPid: oneList.server.child.pid });
  } finally {
    await oneList.stop();
  }
  const vigie = await startVigie(dataDir);
  try {
    await waitCaughtUp(vigie.base, 10 * 60_000);
    // One filing alone first: under 64 connections a slow filing may not answer within the run at all.
    const alone: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await expect(201, vigie.base, 'POST', '/v1/requests', BENCH_KEYS.agent, identificationRequest);
      alone.push(performance.now() - t);
    }
    const aloneMs = Math.round(alone.sort((a, b) => a - b)[2]);
    progress(`history: filing with that history, ${CONNECTIONS} connections, ${seconds} s`);
    const figure = await runLoad({
      label: 'HTTP POST /v1/requests, 1,000 lists + 1,000 agent events',
      url: vigie.base,
      seconds,
      connections: CONNECTIONS,
      expectedStatus: 201,
      requests: filingRequests([]),
      baseline: 'history_file_one_list',
      target: { ratio_at_least: 0.9 },
      serverPid: vigie.server.child.pid,
    });
    figures.history_file_request = { ...figure, note: `one filing alone: ${aloneMs} ms (median of 5)`, details: { ...figure.details, agent_stream_events: made.agentEvents, lists_transmitted: made.lists, operator_stream_events: 1, seeded_in_s: made.seconds } };
    return figures;
  } finally {
    await vigie.stop();
  }
}
