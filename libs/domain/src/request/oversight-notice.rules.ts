import { DomainError } from '../kernel/domain-error';
import { instantMs } from '../kernel/instant';

/** How far ahead of the recording clock a declared sending time may be: clocks drift, notices are not sent from the future. */
export const NOTICE_CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * L36-14 CPCE: ARCEP is informed of a technical-data request once it exists, so the notice
 * cannot have been sent before the request was filed (the notice opened), nor later than
 * now give or take the clock tolerance: either would make the oversight report's waits lie.
 */
export const assertNoticeTime = (sentAt: string, openedAt: string, recordedAt: string): void => {
  const sent = instantMs(sentAt, 'sentAt');
  if (sent < instantMs(openedAt, 'openedAt')) {
    throw new DomainError('NOTICE_TIME_INVALID', `sentAt ${sentAt} is before the notice was opened (${openedAt})`);
  }
  if (sent > instantMs(recordedAt, 'recordedAt') + NOTICE_CLOCK_TOLERANCE_MS) {
    throw new DomainError('NOTICE_TIME_INVALID', `sentAt ${sentAt} is more than 5 minutes in the future`);
  }
};
