import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { canonicalJson, ChainVerifier, type ChainReport } from '@vigie/event-store';
import { UsageError } from '../cli-io';

type Line = Record<string, unknown>;

const DECIMAL = /^\d{1,19}$/;

const isObject = (v: unknown): v is Line => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields the chain needs, checked; anything else makes the file bad input. */
function parseLine(text: string, lineNo: number): Parameters<ChainVerifier['accept']> {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    throw new UsageError(`Line ${lineNo} is not valid JSON.`);
  }
  if (!isObject(line)) throw new UsageError(`Line ${lineNo} is not a JSON object.`);
  const { position, revision, streamId, type, data, metadata } = line;
  if (typeof position !== 'string' || !DECIMAL.test(position) || typeof revision !== 'string' || !DECIMAL.test(revision)) {
    throw new UsageError(`Line ${lineNo}: position and revision must be decimal strings.`);
  }
  if (typeof streamId !== 'string' || typeof type !== 'string' || !isObject(data) || !isObject(metadata) || typeof metadata.hash !== 'string') {
    throw new UsageError(`Line ${lineNo}: expected streamId, type, data, and metadata with its hash.`);
  }
  const { hash, ...unhashed } = metadata;
  // The chain covers the canonical JSON of data and metadata-without-hash (docs/design.md): recompute it from the parsed line.
  return [streamId, BigInt(revision), BigInt(position), type, canonicalJson(data), canonicalJson(unhashed), hash as string];
}

/**
 * Recomputes the hash chains of an exported archive, offline, one line at a time (constant
 * memory). An archive must start at the beginning of the log: a stream whose first line
 * is not revision 0 is reported broken, as a deleted event would be.
 */
export async function verifyArchive(file: string): Promise<ChainReport> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', (e: NodeJS.ErrnoException) => reject(new UsageError(`Cannot read ${file}: ${e.code ?? e.message}`)));
  });
  await opened;
  const verifier = new ChainVerifier();
  let lineNo = 0;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const text of lines) {
      lineNo++;
      if (text.trim() === '') continue;
      verifier.accept(...parseLine(text, lineNo));
    }
  } finally {
    lines.close();
    input.destroy();
  }
  return verifier.report();
}
