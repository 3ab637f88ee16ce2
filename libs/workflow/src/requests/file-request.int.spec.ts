import { agentStream, DomainError, HABILITATION_LISTS_STREAM, incidentStream, operatorStream } from '@vigie/domain';
import { identificationFiling, technicalFiling } from '@vigie/domain/request/request.fixtures';
import { SqliteEventStore, type EventStore, type EventToAppend } from '@vigie/event-store';
import * as path from 'node:path';
import { habilitateAgent, revokeHabilitation } from '../administration/habilitate-agent';
import { notifyIncident } from '../administration/notify-incident';
import { registerOperator } from '../administration/register-operator';
import { transmitHabilitationList } from '../administration/transmit-habilitation-list';
import { newCommandId } from '../kernel/command-meta';
import { workflowDeps, type WorkflowDeps } from '../kernel/workflow-deps';
import { ReadingEventStore } from '../../../../test/support/reading-event-store';
import { metaAt, openBench, type DataUseBench } from './data-use.fixtures';
import { fileRequest, type FileRequestInput } from './file-request';

const SETUP = '2026-01-01T08:00:00.000Z';
const FILED = '2026-03-10T10:00:00.000Z';

const identification = (): FileRequestInput => {
  const { requestId: _r, agentId: _a, filedAt: _f, ...input } = identificationFiling();
  return input;
};
const technical = (): FileRequestInput => {
  const { requestId: _r, agentId: _a, filedAt: _f, ...input } = technicalFiling();
  return input;
};

const codeOf = (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`),
  );

const raw = (type: string, data: Record<string, unknown>): EventToAppend => ({ eventId: newCommandId(), type, data, metadata: {} });
const agentEvents = (agentId: string) => ({
  habilitated: raw('AgentHabilitated', { agentId, fullName: 'Alice Martin', decisionRef: `PM-${agentId}`, habilitatedOn: '2026-01-01', at: SETUP }),
  revoked: raw('AgentHabilitationRevoked', { agentId, reason: 'moved', revokedAt: SETUP }),
});

const habilitate = (deps: WorkflowDeps, agentId: string, at = SETUP) =>
  habilitateAgent(deps, metaAt(at), { agentId, fullName: 'Alice Martin', decisionRef: `PM-${agentId}`, habilitatedOn: at.slice(0, 10) });

/** The operator, the incident it reported and one habilitated agent on a transmitted list. */
async function prepareParties(deps: WorkflowDeps): Promise<void> {
  await registerOperator(deps, metaAt(SETUP), { operatorId: 'op-1', name: 'Telco', categories: ['electronic-communications'] });
  await notifyIncident(deps, metaAt('2026-03-01T06:00:00.000Z'), {
    incidentId: 'inc-1',
    reportedBy: 'op-1',
    affectedEntity: { name: 'Hôpital Nord', category: 'essential-service-operator' },
    summary: 'C2 beaconing',
    observedAt: '2026-03-01T00:00:00.000Z',
  });
  await habilitate(deps, 'ag-1');
  await transmitHabilitationList(deps, metaAt(SETUP));
}

describe('fileRequest on long-lived streams', () => {
  let bench: DataUseBench;
  let other: SqliteEventStore;
  const depsOn = (store: EventStore): WorkflowDeps => workflowDeps({ store, vault: bench.vault, retention: bench.deps.retention });

  beforeEach(async () => {
    bench = await openBench();
    // A second handle on the same log file: another process (an API replica, the CLI).
    other = SqliteEventStore.open({ path: path.join(bench.dir, 'events.db') });
  });
  afterEach(async () => {
    await other.close();
    await bench.close();
  });

  it('reads one event of the lists stream and only the new events of the agent, operator and incident, however long their history', async () => {
    const counting = new ReadingEventStore(bench.store);
    const deps = depsOn(counting);
    await prepareParties(deps);
    await fileRequest(deps, metaAt(FILED), 'ag-1', technical());

    const readBy = async (input: FileRequestInput): Promise<Record<string, number>> => {
      counting.reset();
      await fileRequest(deps, metaAt(FILED), 'ag-1', input);
      return {
        lists: counting.eventsRead(HABILITATION_LISTS_STREAM),
        agent: counting.eventsRead(agentStream('ag-1')),
        operator: counting.eventsRead(operatorStream('op-1')),
        incident: counting.eventsRead(incidentStream('inc-1')),
      };
    };
    const steady = { lists: 1, agent: 0, operator: 0, incident: 0 };
    expect(await readBy(technical())).toEqual(steady);

    // History grows, some of it through the other handle: 40 more lists, 40 more events on each party.
    for (let i = 0; i < 40; i++) await transmitHabilitationList(i % 2 === 0 ? deps : depsOn(other), metaAt(SETUP));
    const { habilitated, revoked } = agentEvents('ag-1');
    for (let i = 0; i < 20; i++) await other.append(agentStream('ag-1'), [{ ...revoked, eventId: newCommandId() }, { ...habilitated, eventId: newCommandId() }], 'any');
    const operator = raw('OperatorRegistered', { operatorId: 'op-1', name: 'Telco', categories: ['electronic-communications'], registeredAt: SETUP });
    for (let i = 0; i < 40; i++) await other.append(operatorStream('op-1'), [{ ...operator, eventId: newCommandId() }], 'any');

    // The first filing after it catches up once with what was appended; the next ones read as before.
    expect(await readBy(identification())).toEqual({ lists: 1, agent: 40, operator: 40, incident: 0 });
    expect(await readBy(technical())).toEqual(steady);
    expect(await readBy(identification())).toEqual(steady);
  });

  it('refuses an agent revoked through another handle, right after filing for it through this one', async () => {
    const here = depsOn(bench.store);
    await prepareParties(here);
    await fileRequest(here, metaAt(FILED), 'ag-1', identification());

    await revokeHabilitation(depsOn(other), metaAt(FILED), 'ag-1', 'moved');
    expect(await codeOf(fileRequest(here, metaAt(FILED), 'ag-1', identification()))).toBe('AGENT_NOT_HABILITATED');
  });

  it('decides on the latest list: an agent refused before a transmission made elsewhere files right after it', async () => {
    const here = depsOn(bench.store);
    const there = depsOn(other);
    await prepareParties(here);
    await habilitate(there, 'ag-2', '2026-02-01T00:00:00.000Z');
    expect(await codeOf(fileRequest(here, metaAt(FILED), 'ag-2', identification()))).toBe('AGENT_NOT_HABILITATED');

    const list = await transmitHabilitationList(there, metaAt(FILED));
    expect(list).toMatchObject({ listVersion: 2, agentIds: ['ag-1', 'ag-2'] });
    await expect(fileRequest(here, metaAt(FILED), 'ag-2', identification())).resolves.toMatchObject({ status: 'filed' });
  });
});
