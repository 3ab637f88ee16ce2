import * as path from 'node:path';
import type { MeasuredFigure } from '../bench-report';
import { progress } from '../bench-timer';
import { runLoad } from './http-load';
import { CONNECTIONS, filingRequests, setUpParties } from './vigie-http.bench';
import { BENCH_IDS, BENCH_KEYS, buildApiOnce, expect, prepareDataDir, startVigie } from './vigie-server';

const isoDay = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString().slice(0, 10);
const DAY = 86_400_000;

/**
 * A directory with a long history, made through HTTP so every event is one Vigie itself
 * wrote and would accept again. What the streams a filing reads may legally hold
 * (libs/domain/src/agent, operator, habilitation):
 * - the agent's stream: AgentHabilitated and AgentHabilitationRevoked only. A new decision
 *   is taken once none is in force, i.e. after a revocation or an expiry. So: one decision
 *   already expired, then 499 × (habilitated, revoked) and a last habilitation in force:
 *   1 + 998 + 1 = `agentEvents` (1,000) events, the agent habilitated at the end;
 * - the habilitation-lists stream: one HabilitationListTransmitted per list, sent only
 *   while some agent is habilitated: two after each habilitation (1,000 lists), the
 *   latest naming the agent, as filing requires;
 * - the operator's stream: OperatorRegistered only, and a second registration is refused
 *   (OPERATOR_EXISTS), so it legally holds one event whatever the history: it stays at one.
 */
async function writeHistory(base: string, agentEvents: number, lists: number): Promise<{ agentEvents: number; lists: number }> {
  await expect(201, base, 'POST', '/v1/operators', BENCH_KEYS.admin, { operatorId: BENCH_IDS.operator, name: 'Bench operator', categories: ['electronic-communications', 'hosting'] });
  let written = 0;
  let sent = 0;
  const habilitate = async (decision: number, extra: Record<string, string> = {}): Promise<void> => {
    await expect(201, base, 'POST', '/v1/agents', BENCH_KEYS.admin, { agentId: BENCH_IDS.agent, fullName: 'Bench Agent', decisionRef: `PM-H-${decision}`, habilitatedOn: isoDay(30 * DAY), ...extra });
    written++;
  };
  // Already expired: the next decision needs no revocation first.
  await habilitate(0, { habilitatedOn: isoDay(400 * DAY), expiresOn: isoDay(300 * DAY) });
  // 1 expired + `cycles` habilitations + (cycles - 1) revocations = agentEvents.
  const cycles = Math.floor(agentEvents / 2);
  const listsPerCycle = Math.ceil(lists / cycles);
  for (let c = 1; c <= cycles; c++) {
    await habilitate(c);
    for (let l = 0; l < listsPerCycle && sent < lists; l++, sent++) await expect(201, base, 'POST', '/v1/habilitation-lists', BENCH_KEYS.admin, {});
    if (c < cycles) {
      await expect(200, base, 'POST', `/v1/agents/${BENCH_IDS.agent}/revocation`, BENCH_KEYS.admin, { reason: 'Bench: decision withdrawn' });
      written++;
    }
  }
  return { agentEvents: written, lists: sent };
}

/**
 * Filing with a long history (1,000 lists, a 1,000-event agent stream) against filing with
 * one list: the same load, the ratio of their req/s. `oneList` is the figure of the HTTP
 * section when it ran; otherwise it is measured here on a fresh directory.
 */
export async function benchHistory(dir: string, seconds: number, oneList: MeasuredFigure | undefined): Promise<Record<string, MeasuredFigure>> {
  buildApiOnce();
  const figures: Record<string, MeasuredFigure> = {};
  let baseline = 'http_file_request';
  if (oneList === undefined) {
    baseline = 'history_file_one_list';
    const dataDir = path.join(dir, 'one-list-data');
    prepareDataDir(dataDir);
    const vigie = await startVigie(dataDir);
    try {
      await setUpParties(vigie.base);
      progress(`history: filing with one list, ${CONNECTIONS} connections, ${seconds} s`);
      figures.history_file_one_list = await runLoad({ label: 'HTTP POST /v1/requests, one list', url: vigie.base, seconds, connections: CONNECTIONS, expectedStatus: 201, requests: filingRequests([]) });
    } finally {
      await vigie.stop();
    }
  }
  const dataDir = path.join(dir, 'history-data');
  prepareDataDir(dataDir);
  const vigie = await startVigie(dataDir);
  try {
    progress('history: 1,000 agent events and 1,000 habilitation lists through HTTP');
    const made = await writeHistory(vigie.base, 1000, 1000);
    progress(`history: filing with that history, ${CONNECTIONS} connections, ${seconds} s`);
    const figure = await runLoad({
      label: 'HTTP POST /v1/requests, 1,000 lists + 1,000 agent events',
      url: vigie.base,
      seconds,
      connections: CONNECTIONS,
      expectedStatus: 201,
      requests: filingRequests([]),
      baseline,
      target: { ratio_at_least: 0.9 },
    });
    figures.history_file_request = { ...figure, details: { ...figure.details, agent_stream_events: made.agentEvents, lists_transmitted: made.lists, operator_stream_events: 1 } };
    return figures;
  } finally {
    await vigie.stop();
  }
}
