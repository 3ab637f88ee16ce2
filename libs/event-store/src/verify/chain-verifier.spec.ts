import { canonicalJson } from '../canonical-json';
import { chainHashFromCanonical, GENESIS_HASH } from '../hash-chain';
import { ChainVerifier } from './chain-verifier';

type Row = [string, bigint, bigint, string, string, string, string];

/** Builds sound rows for events given as [stream, data] in log order. */
function rows(events: [string, object][]): Row[] {
  const tails = new Map<string, [bigint, string]>();
  return events.map(([stream, data], i) => {
    const [revision, previous] = tails.get(stream) ?? [-1n, GENESIS_HASH];
    const dataJson = canonicalJson(data);
    const metadataJson = canonicalJson({ actor: { principalId: 'p-1' } });
    const hash = chainHashFromCanonical(previous, 'Tested', dataJson, metadataJson);
    tails.set(stream, [revision + 1n, hash]);
    return [stream, revision + 1n, BigInt(i + 1), 'Tested', dataJson, metadataJson, hash];
  });
}

const verify = (input: Row[]) => {
  const verifier = new ChainVerifier();
  const accepted = input.map((r) => verifier.accept(...r));
  return { accepted, report: verifier.report() };
};

describe('ChainVerifier', () => {
  const log = rows([
    ['s-1', { n: 1 }],
    ['s-2', { n: 2 }],
    ['s-1', { n: 3 }],
    ['s-2', { n: 4 }],
  ]);

  it('accepts a sound log and counts streams and events', () => {
    expect(verify(log)).toEqual({ accepted: [true, true, true, true], report: { ok: true, streams: 2, events: 4 } });
    expect(new ChainVerifier().report()).toEqual({ ok: true, streams: 0, events: 0 });
  });

  it('flags an edited event and names the first broken stream in log order', () => {
    const tampered = log.map((r): Row => [...r]);
    tampered[3][4] = canonicalJson({ n: 5 });
    tampered[2][5] = canonicalJson({ actor: { principalId: 'p-2' } });
    const { accepted, report } = verify(tampered);
    expect(accepted).toEqual([true, true, false, false]);
    expect(report).toEqual({ ok: false, streams: 2, events: 4, firstBrokenStream: 's-1' });
  });

  it('flags a missing event through the revision gap', () => {
    const { report } = verify([log[0], log[2], log[3]]);
    expect(report).toMatchObject({ ok: false, firstBrokenStream: 's-2' });
  });

  it('flags positions that do not strictly increase', () => {
    const reordered = log.map((r): Row => [...r]);
    reordered[2][2] = 2n;
    expect(verify(reordered).report).toMatchObject({ ok: false, firstBrokenStream: 's-1' });
  });
});
