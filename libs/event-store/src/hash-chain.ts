import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The link before the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * hash = sha256(previous hash in the stream + canonical JSON of { data, metadata, type }),
 * metadata taken without its own `hash`. Hex encoded.
 */
export function chainHash(previousHash: string, type: string, data: unknown, metadata: Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = metadata;
  return chainHashFromCanonical(previousHash, type, canonicalJson(data), canonicalJson(rest));
}

/**
 * Same link from already canonical texts: the embedded store keeps data and metadata
 * as canonical JSON, so verification needs no parse. The layout equals
 * canonicalJson({ data, metadata, type }) because keys sort as data < metadata < type.
 */
export function chainHashFromCanonical(previousHash: string, type: string, dataJson: string, metadataJson: string): string {
  // One-shot hash of the concatenation: the same digest as two update() calls, faster.
  return hash('sha256', `${previousHash}{"data":${dataJson},"metadata":${metadataJson},"type":${JSON.stringify(type)}}`, 'hex');
}

/**
 * Same link from its head, the text up to the quoted type: `{"data":D,"metadata":M,"type":`.
 * The embedded store's verification has SQLite join the stored columns into that head
 * (LINK_HEAD_SQL), one string per event instead of two, concatenated in C.
 */
export function chainHashFromHead(previousHash: string, head: string, type: string): string {
  return hash('sha256', `${previousHash}${head}${JSON.stringify(type)}}`, 'hex');
}

/** The head of chainHashFromHead, in SQL over the events table's stored text columns. */
export const LINK_HEAD_SQL = `'{"data":' || data || ',"metadata":' || metadata || ',"type":'`;
