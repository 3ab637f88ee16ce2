import { DomainError } from '../kernel/domain-error';
import { DeliveredRequest, KnownRequest, RequestState } from './request.state';
import { AccessPurpose, AlertChannel, RequestKind } from './request.types';

/**
 * L2321-3 al. 1: identification data serve only "afin de les alerter"; al. 2: technical data
 * "ne peuvent être exploitées qu'aux seules fins de caractériser la menace".
 */
export const ALLOWED_PURPOSE: Readonly<Record<RequestKind, AccessPurpose>> = {
  'subscriber-identification': 'alert-holder',
  'technical-data': 'characterize-threat',
};

export const assertPurposeAllowed = (kind: RequestKind, purpose: AccessPurpose): void => {
  if (ALLOWED_PURPOSE[kind] !== purpose) {
    throw new DomainError('PURPOSE_NOT_ALLOWED', `${kind} data may only be used for ${ALLOWED_PURPOSE[kind]}`);
  }
};

/** docs/design.md: after a purge the data is gone for everyone; before a delivery there is none. */
export function assertDataAvailable(state: KnownRequest): asserts state is DeliveredRequest {
  if (state.status === 'purged') throw new DomainError('DATA_PURGED', 'the delivered data was purged');
  if (state.status !== 'delivered') throw new DomainError('NO_DATA', 'no data was delivered');
}

/** L2321-3 al. 1: holders are alerted from identification data only. */
export const assertIdentificationRequest = (state: KnownRequest): void => {
  if (state.filing.kind !== 'subscriber-identification') {
    throw new DomainError('NOT_AN_IDENTIFICATION_REQUEST', 'alerts follow identification requests only');
  }
};

export const assertRecordExists = (recordIndex: number, recordCount: number): void => {
  if (!Number.isInteger(recordIndex) || recordIndex < 0 || recordIndex >= recordCount) {
    throw new DomainError('RECORD_NOT_FOUND', `no delivered record at index ${recordIndex}`);
  }
};

/** An e-mail alert needs a delivered e-mail address, a letter a delivered postal address. */
export const CHANNEL_FIELD: Readonly<Record<AlertChannel, string>> = { email: 'emailAddress', postal: 'postalAddress' };

export const assertChannelDelivered = (channel: AlertChannel, recipientFields: readonly string[]): void => {
  if (!recipientFields.includes(CHANNEL_FIELD[channel])) {
    throw new DomainError('CHANNEL_NOT_DELIVERED', `no ${CHANNEL_FIELD[channel]} was delivered for that record`);
  }
};

/** L2321-3 al. 3 compensates "prestations effectuées": a request answered (delivered, even if purged since, or declined). */
export const isServed = (state: RequestState): boolean =>
  state.status === 'delivered' || state.status === 'purged' || state.status === 'declined';

/** Only the addressed operator answers, and only an open request. */
export const assertAddressee = (state: KnownRequest, operatorId: string): void => {
  if (state.filing.operatorId !== operatorId) throw new DomainError('FORBIDDEN', 'request is addressed to another operator');
};

export const assertOpen = (state: KnownRequest): void => {
  if (state.status !== 'filed') throw new DomainError('REQUEST_NOT_OPEN', `request is already ${state.status}`);
};
