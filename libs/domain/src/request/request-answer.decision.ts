import { DomainError } from '../kernel/domain-error';
import { assertNonBlank, validationFailed } from '../kernel/guards';
import { instantMs } from '../kernel/instant';
import { DeclineRequest, DeliverData, RecordOversightNotice } from './request.commands';
import { DataDelivered, RequestEvent } from './request.events';
import {
  assertNoCommunicationContent,
  assertRecordsPresent,
  assertRetentionDeadline,
  identificationRecordFields,
  inCanonicalOrder,
  technicalRecordCategory,
} from './request-delivery.rules';
import { assertNoticeTime } from './oversight-notice.rules';
import { assertAddressee, assertOpen } from './request-use.rules';
import { assertRequestKnown } from './request.rules';
import { KnownRequest, RequestState } from './request.state';
import { DATA_CATEGORIES, IDENTIFICATION_FIELDS } from './request.types';

/** L36-14 CPCE (docs/design.md → Rules): ARCEP is informed of every technical-data request; the notice is recorded once. */
export const decideRecordOversightNotice = ({ data }: RecordOversightNotice, state: RequestState): RequestEvent[] => {
  if (state.status === 'unknown' || state.filing.kind !== 'technical-data') {
    throw new DomainError('NOT_FOUND', 'no oversight notice for this request');
  }
  if (state.notice === 'sent') throw new DomainError('NOTICE_ALREADY_SENT', 'the oversight notice was already sent');
  assertNonBlank(data.reference, 'reference');
  assertNoticeTime(data.sentAt, state.filing.filedAt, data.recordedAt);
  const { requestId, incidentId, dataCategories } = state.filing;
  return [
    {
      type: 'OversightNotified',
      data: { requestId, incidentId, dataCategories, sentAt: data.sentAt, reference: data.reference, recordedAt: data.recordedAt },
    },
  ];
};

/** What the records reveal about themselves: the fields (al. 1) or the categories (al. 2) delivered. */
type Described = Pick<DataDelivered['data'], 'fieldNames' | 'categories'>;

const describeRecords = (state: KnownRequest, records: readonly unknown[]): Described => {
  const filing = state.filing;
  if (filing.kind === 'subscriber-identification') {
    const identifiers = filing.identifiers.map((i) => i.value);
    const fields = records.flatMap((r, index) => identificationRecordFields(r, filing.fields, identifiers, index));
    return { fieldNames: inCanonicalOrder(IDENTIFICATION_FIELDS, fields) };
  }
  const categories = records.map((r) => technicalRecordCategory(r, filing.dataCategories));
  return { categories: inCanonicalOrder(DATA_CATEGORIES, categories) };
};

/** Order: NOT_FOUND, FORBIDDEN, REQUEST_NOT_OPEN, CONTENT_EXCLUDED, FIELD/CATEGORY_NOT_REQUESTED, deadline. */
export const decideDeliverData = ({ data }: DeliverData, state: RequestState): RequestEvent[] => {
  assertRequestKnown(state);
  assertAddressee(state, data.operatorId);
  assertOpen(state);
  assertRecordsPresent(data.records);
  assertNoCommunicationContent(data.records);
  const described = describeRecords(state, data.records);
  assertRetentionDeadline(data.deliveredAt, data.retentionDeadline);
  const { sealed } = data;
  if (typeof sealed?.datasetId !== 'string' || typeof sealed.keyId !== 'string') {
    throw validationFailed('sealed must carry a datasetId and a keyId');
  }
  return [
    {
      type: 'DataDelivered',
      data: {
        requestId: state.filing.requestId,
        kind: state.filing.kind,
        datasetId: sealed.datasetId,
        sealed,
        recordCount: data.records.length,
        ...described,
        deliveredAt: data.deliveredAt,
        retentionDeadline: data.retentionDeadline,
      },
    },
  ];
};

export const decideDeclineRequest = ({ data }: DeclineRequest, state: RequestState): RequestEvent[] => {
  assertRequestKnown(state);
  assertAddressee(state, data.operatorId);
  assertOpen(state);
  assertNonBlank(data.reason, 'reason');
  instantMs(data.declinedAt, 'declinedAt');
  const { requestId, operatorId } = state.filing;
  return [{ type: 'RequestDeclined', data: { requestId, operatorId, reason: data.reason, declinedAt: data.declinedAt } }];
};
