import { assertNonBlank } from '../kernel/guards';
import { instantMs } from '../kernel/instant';
import { isOverdue } from '../retention/retention.rules';
import { AccessData, PurgeData, SendAlert } from './request.commands';
import { RequestEvent } from './request.events';
import {
  assertChannelDelivered,
  assertDataAvailable,
  assertIdentificationRequest,
  assertPurposeAllowed,
  assertRecordExists,
} from './request-use.rules';
import { assertRequestKnown } from './request.rules';
import { RequestState } from './request.state';

/** docs/design.md: every read is a command with a declared purpose, so every read is in the audit trail. */
export const decideAccessData = ({ data }: AccessData, state: RequestState): RequestEvent[] => {
  assertRequestKnown(state);
  assertDataAvailable(state);
  assertPurposeAllowed(state.filing.kind, data.purpose);
  instantMs(data.accessedAt, 'accessedAt');
  const { agentId, purpose, accessedAt } = data;
  return [
    {
      type: 'DataAccessed',
      data: { requestId: state.filing.requestId, datasetId: state.delivery.datasetId, agentId, purpose, accessedAt },
    },
  ];
};

/** L2321-3 al. 1: identification data serve to alert the holder; a retried alert (same id) adds nothing. */
export const decideSendAlert = ({ data }: SendAlert, state: RequestState): RequestEvent[] => {
  assertRequestKnown(state);
  assertIdentificationRequest(state);
  assertDataAvailable(state);
  assertRecordExists(data.recordIndex, state.delivery.recordCount);
  assertChannelDelivered(data.channel, data.recipientFields);
  if (state.alerts.some((a) => a.alertId === data.alertId)) return [];
  instantMs(data.sentAt, 'sentAt');
  const { alertId, agentId, recordIndex, channel, messageSha256, sentAt } = data;
  return [
    {
      type: 'AlertSent',
      data: { requestId: state.filing.requestId, alertId, agentId, recordIndex, channel, messageSha256, sentAt },
    },
  ];
};

/** Crypto-shredding (docs/design.md); a purge after the retention deadline is flagged overdue (docs/design.md → Rules). */
export const decidePurgeData = ({ data }: PurgeData, state: RequestState): RequestEvent[] => {
  assertRequestKnown(state);
  assertDataAvailable(state);
  assertNonBlank(data.reason, 'reason');
  assertNonBlank(data.by, 'by');
  const { datasetId, keyId, retentionDeadline } = state.delivery;
  return [
    {
      type: 'DataPurged',
      data: {
        requestId: state.filing.requestId,
        datasetId,
        keyId,
        reason: data.reason,
        by: data.by,
        purgedAt: data.purgedAt,
        retentionDeadline,
        overdue: isOverdue(retentionDeadline, data.purgedAt),
      },
    },
  ];
};
