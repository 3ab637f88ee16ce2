import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { VigieEvent } from '@vigie/domain';

/** Narrows a stored event to the domain's union, so folds switch on real event names. */
export const asDomainEvent = (event: RecordedEvent): VigieEvent => ({ type: event.type, data: event.data }) as unknown as VigieEvent;

export const occurredAt = (event: RecordedEvent): string => String(event.metadata.occurredAt ?? '');
