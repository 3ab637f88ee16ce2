import { DomainError, requestDecider, requestStream, type DataDelivered, type RequestState } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import { KeyDestroyedError, type SealedDataset, type Vault } from '@vigie/vault';
import { loadStream } from '../kernel/command-handler';

/** The request's state and the sealed dataset its DataDelivered carries, if any. */
export interface LoadedDelivery {
  readonly state: RequestState;
  readonly sealed?: SealedDataset;
}

export async function loadDelivery(store: EventStore, requestId: string): Promise<LoadedDelivery> {
  const { state, recorded } = await loadStream(store, requestStream(requestId), requestDecider);
  const delivered = recorded.filter((e) => e.type === 'DataDelivered').pop();
  if (!delivered) return { state };
  return { state, sealed: (delivered.data as unknown as DataDelivered['data']).sealed as unknown as SealedDataset };
}

/**
 * Decrypts a dataset in memory only; the caller never logs nor stores the result.
 * A destroyed key means the data was purged (crypto-shredding): DATA_PURGED for everyone.
 */
export async function openRecords(vault: Vault, sealed: SealedDataset): Promise<unknown[]> {
  let clear: Buffer;
  try {
    clear = await vault.open(sealed);
  } catch (error) {
    if (error instanceof KeyDestroyedError) throw new DomainError('DATA_PURGED', 'the delivered data was purged');
    throw error;
  }
  try {
    return JSON.parse(clear.toString('utf8')) as unknown[];
  } finally {
    clear.fill(0);
  }
}
