import type { ChainReport } from '../event-store.port';
import { chainHashFromHead, GENESIS_HASH } from '../hash-chain';

interface StreamTail {
  revision: bigint;
  hash: string;
}

/**
 * Checks the hash chains of a log fed one event at a time in global position order
 * (from the live store or from an exported NDJSON file, offline). Per stream, revisions
 * must run 0, 1, 2… and each hash must equal the link recomputed from the previous
 * one; globally, positions must strictly increase. A deleted or edited event breaks
 * its stream's chain. Data and metadata are taken as the canonical JSON text that was
 * hashed, so nothing is parsed.
 */
export class ChainVerifier {
  private readonly tails = new Map<string, StreamTail>();
  private lastPosition: bigint | undefined;
  private events = 0;
  private firstBrokenStream: string | undefined;

  /** Returns whether this event's link is sound; the first failure is kept for the report. */
  accept(
    streamId: string,
    revision: bigint,
    position: bigint,
    type: string,
    dataJson: string,
    metadataJson: string,
    hash: string,
  ): boolean {
    return this.acceptHead(streamId, revision, position, `{"data":${dataJson},"metadata":${metadataJson},"type":`, type, hash);
  }

  /** The same check from the link's head as stored (chainHashFromHead), data and metadata already joined. */
  acceptHead(streamId: string, revision: bigint, position: bigint, head: string, type: string, hash: string): boolean {
    this.events++;
    const tail = this.tails.get(streamId);
    const ok =
      (this.lastPosition === undefined || position > this.lastPosition) &&
      revision === (tail === undefined ? 0n : tail.revision + 1n) &&
      hash === chainHashFromHead(tail === undefined ? GENESIS_HASH : tail.hash, head, type);
    if (!ok && this.firstBrokenStream === undefined) this.firstBrokenStream = streamId;
    // Continue from the stored link, so one edited event does not hide later breaks elsewhere.
    if (tail === undefined) {
      this.tails.set(streamId, { revision, hash });
    } else {
      tail.revision = revision;
      tail.hash = hash;
    }
    this.lastPosition = position;
    return ok;
  }

  report(): ChainReport {
    const base = { streams: this.tails.size, events: this.events };
    return this.firstBrokenStream === undefined
      ? { ok: true, ...base }
      : { ok: false, ...base, firstBrokenStream: this.firstBrokenStream };
  }
}
