import { claimDecider, claimStream, DomainError, requestDecider, requestStream } from '@vigie/domain';
import { loadStream } from '../kernel/command-handler';
import { uuidFromSeed } from '../kernel/command-meta';
import { claimCosts } from './claim-costs';
import { reserveForClaim } from './claim-reservations';
import { metaFor, openClaimsWorld, type ClaimsWorld } from './claims.fixtures';
import { getClaim } from './get-claim';

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
};

const claimedBy = async (w: ClaimsWorld, requestId: string): Promise<string | undefined> => {
  const { state } = await loadStream(w.store, requestStream(requestId), requestDecider);
  return state.status === 'unknown' ? undefined : state.claimedBy;
};

const input = (requestIds: string[], claimId?: string) => ({ claimId, requestIds, amountCents: 5_000, description: 'Q1' });

describe('claimCosts (L2321-3 al. 3)', () => {
  let w: ClaimsWorld;
  beforeEach(async () => {
    w = openClaimsWorld({
      default: { 'subscriber-identification': { perRequestCents: 1_000, perRecordCents: 50 } },
      operators: { 'op-1': { 'subscriber-identification': { perRecordCents: 200 } } },
    });
    await w.file('rq-1');
    await w.deliver('rq-1', 3);
    await w.file('rq-2');
    await w.decline('rq-2');
  });
  afterEach(async () => w.close());

  it('reserves every request, files the claim with the tariff-based expected amount', async () => {
    const filed = await claimCosts(w.deps, metaFor(), 'op-1', input(['rq-2', 'rq-1'], 'cl-1'));
    // op-1's own per-record price (200) and the default per-request price (1000): 2×1000 + 3×200.
    expect(filed).toMatchObject({ claimId: 'cl-1', category: 'electronic-communications', expectedCents: 2_600 });
    expect(await claimedBy(w, 'rq-1')).toBe('cl-1');
    expect(await claimedBy(w, 'rq-2')).toBe('cl-1');
    const claim = await getClaim(w.deps, 'cl-1');
    expect(claim).toMatchObject({ requestIds: ['rq-2', 'rq-1'], claimedCents: 5_000, expectedCents: 2_600, differenceCents: 2_400, status: 'claimed' });
  });

  it('refuses a request already claimed, and releases what the losing claim had reserved', async () => {
    await claimCosts(w.deps, metaFor(), 'op-1', input(['rq-2'], 'cl-1'));
    expect(await codeOf(claimCosts(w.deps, metaFor(), 'op-1', input(['rq-1', 'rq-2'], 'cl-2')))).toBe('REQUEST_ALREADY_CLAIMED');
    expect(await claimedBy(w, 'rq-1')).toBeUndefined();
    expect((await loadStream(w.store, claimStream('cl-2'), claimDecider)).revision).toBeUndefined();
    await expect(claimCosts(w.deps, metaFor(), 'op-1', input(['rq-1'], 'cl-3'))).resolves.toMatchObject({ claimId: 'cl-3' });
  });

  it('lets exactly one of two concurrent claims on the same request win', async () => {
    const outcomes = await Promise.allSettled([
      claimCosts(w.deps, metaFor(), 'op-1', input(['rq-1', 'rq-2'], 'cl-a')),
      claimCosts(w.deps, metaFor(), 'op-1', input(['rq-2', 'rq-1'], 'cl-b')),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0].reason as DomainError).code).toBe('REQUEST_ALREADY_CLAIMED');
    const winner = (won[0] as PromiseFulfilledResult<{ claimId: string }>).value.claimId;
    expect(await claimedBy(w, 'rq-1')).toBe(winner);
    expect(await claimedBy(w, 'rq-2')).toBe(winner);
  });

  it('refuses unserved, unknown and other operators’ requests, holding nothing', async () => {
    await w.file('rq-3');
    expect(await codeOf(claimCosts(w.deps, metaFor(), 'op-1', input(['rq-1', 'rq-3'])))).toBe('REQUEST_NOT_SERVED');
    expect(await codeOf(claimCosts(w.deps, metaFor(), 'op-1', input(['rq-1', 'rq-404'])))).toBe('REQUEST_NOT_SERVED');
    expect(await codeOf(claimCosts(w.deps, metaFor(), 'op-2', input(['rq-1'])))).toBe('REQUEST_NOT_SERVED');
    expect(await claimedBy(w, 'rq-1')).toBeUndefined();
  });

  it('refuses a claim mixing 1° and 2° and releases its reservations', async () => {
    await w.file('rq-h', 'op-1', 'hosting');
    await w.decline('rq-h');
    expect(await codeOf(claimCosts(w.deps, metaFor(), 'op-1', input(['rq-1', 'rq-h'])))).toBe('CLAIM_MIXES_CATEGORIES');
    expect(await claimedBy(w, 'rq-1')).toBeUndefined();
    expect(await claimedBy(w, 'rq-h')).toBeUndefined();
    await expect(claimCosts(w.deps, metaFor(), 'op-1', input(['rq-h']))).resolves.toMatchObject({ category: 'hosting', expectedCents: 1_000 });
  });

  it('refuses an existing claim id without touching its requests: CLAIM_EXISTS', async () => {
    await claimCosts(w.deps, metaFor(), 'op-1', input(['rq-1'], 'cl-1'));
    expect(await codeOf(claimCosts(w.deps, metaFor(), 'op-1', input(['rq-2'], 'cl-1')))).toBe('CLAIM_EXISTS');
    expect(await claimedBy(w, 'rq-1')).toBe('cl-1');
    expect(await claimedBy(w, 'rq-2')).toBeUndefined();
  });

  it('refuses an empty or repeated request list before reserving: VALIDATION_FAILED', async () => {
    expect(await codeOf(claimCosts(w.deps, metaFor(), 'op-1', input([])))).toBe('VALIDATION_FAILED');
    expect(await codeOf(claimCosts(w.deps, metaFor(), 'op-1', input(['rq-1', 'rq-1'])))).toBe('VALIDATION_FAILED');
    expect(await claimedBy(w, 'rq-1')).toBeUndefined();
  });

  it('answers a retried command with the first outcome and appends nothing', async () => {
    const meta = metaFor();
    const first = await claimCosts(w.deps, meta, 'op-1', input(['rq-1']));
    expect(first.claimId).toBe(uuidFromSeed(`${meta.commandId}:claimId`));
    const head = await w.store.headPosition();
    await expect(claimCosts(w.deps, meta, 'op-1', input(['rq-1']))).resolves.toEqual(first);
    expect(await w.store.headPosition()).toBe(head);
  });

  it('completes a command that crashed between its reservations and its claim', async () => {
    const meta = metaFor();
    const claimId = uuidFromSeed(`${meta.commandId}:claimId`);
    // The crash: the reservation was appended by this command, the claim never was.
    await reserveForClaim(w.store, meta, claimId, 'op-1', 'rq-1');
    const filed = await claimCosts(w.deps, meta, 'op-1', input(['rq-1', 'rq-2']));
    expect(filed.claimId).toBe(claimId);
    expect(await claimedBy(w, 'rq-1')).toBe(claimId);
    expect(await claimedBy(w, 'rq-2')).toBe(claimId);
  });

  it('reserves anew when a retry finds its earlier reservation released', async () => {
    const meta = metaFor();
    await w.file('rq-3');
    // First attempt: rq-3 is not served yet, so rq-1's reservation is made then released.
    expect(await codeOf(claimCosts(w.deps, meta, 'op-1', input(['rq-1', 'rq-3'], 'cl-r')))).toBe('REQUEST_NOT_SERVED');
    expect(await claimedBy(w, 'rq-1')).toBeUndefined();
    await w.decline('rq-3');
    await expect(claimCosts(w.deps, meta, 'op-1', input(['rq-1', 'rq-3'], 'cl-r'))).resolves.toMatchObject({ claimId: 'cl-r' });
    expect(await claimedBy(w, 'rq-1')).toBe('cl-r');
    expect(await claimedBy(w, 'rq-3')).toBe('cl-r');
  });
});
