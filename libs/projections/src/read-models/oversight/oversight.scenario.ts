import { ev, type StreamEvent } from '../read-model.fixtures';

/** Operators and requests of the oversight scenario, shared by its specs. */
export const OP_A = 'op-a';
export const OP_B = 'op-b';
export const R = { r1: 'req-1', r2: 'req-2', r3: 'req-3', r4: 'req-4', r5: 'req-5' } as const;

/**
 * Two lists, five requests: r1 delivered, read, alerted twice and purged on time; r2
 * declined; r3 technical, notice sent after two days; r4 technical, notice never sent;
 * r5 filed with an offset, delivered and purged a day after its deadline.
 */
export const OVERSIGHT_SCENARIO: readonly StreamEvent[] = [
  ev.listTransmitted(1, ['agent-1', 'agent-2'], '2026-02-20T10:00:00Z'),
  ev.identificationFiled(R.r1, OP_A, '2026-03-01T09:00:00Z'),
  ev.delivered(R.r1, 'ds-1', '2026-03-01T12:00:00Z', '2028-03-01T12:00:00Z'),
  ev.accessed(R.r1, 'ds-1', 'alert-holder', '2026-03-02T08:00:00Z'),
  ev.alert(R.r1, 'alert-1', 'email', '2026-03-02T09:00:00Z'),
  ev.alert(R.r1, 'alert-2', 'postal', '2026-03-02T09:30:00Z'),
  ev.identificationFiled(R.r2, OP_B, '2026-03-02T10:00:00Z'),
  ev.technicalFiled(R.r3, OP_A, '2026-03-02T11:00:00Z'),
  ev.declined(R.r2, OP_B, '2026-03-03T10:00:00Z'),
  ev.technicalFiled(R.r4, OP_A, '2026-03-03T12:00:00Z'),
  ev.listTransmitted(2, ['agent-1', 'agent-2', 'agent-3'], '2026-03-04T00:00:00Z'),
  ev.notified(R.r3, '2026-03-04T11:00:00Z'),
  ev.identificationFiled(R.r5, OP_A, '2026-03-05T01:00:00+01:00'),
  ev.delivered(R.r5, 'ds-5', '2026-03-05T06:00:00Z', '2026-03-06T00:00:00Z'),
  ev.accessed(R.r5, 'ds-5', 'characterize-threat', '2026-03-05T07:00:00Z'),
  ev.claimed(R.r1, 'claim-1', OP_A, '2026-03-05T08:00:00Z'),
  ev.purged(R.r1, 'ds-1', 'operator-request', '2026-03-06T00:00:00Z', '2028-03-01T12:00:00Z'),
  ev.purged(R.r5, 'ds-5', 'retention-deadline', '2026-03-07T00:00:00Z', '2026-03-06T00:00:00Z'),
];
