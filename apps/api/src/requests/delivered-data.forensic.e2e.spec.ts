import { KeyDestroyedError, openDataKeyStore, Vault, type SealedDataset } from '@vigie/vault';
import { accessData, newCommandId } from '@vigie/workflow';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { deliver, fileIdentification, prepareParties } from '../../../../test/support/data-use.fixtures';

/** Every encoding in which the marker could sit in a file: clear, hex, and base64 at each alignment. */
const encodings = (marker: string): Buffer[] => {
  const clear = Buffer.from(marker, 'utf8');
  const base64 = [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x41), clear]).toString('base64');
    // Drop the characters that mix the padding bytes or the end of the buffer.
    return Buffer.from(encoded.slice(Math.ceil((shift * 4) / 3) + 1, encoded.length - 4), 'latin1');
  });
  return [clear, Buffer.from(marker, 'utf16le'), Buffer.from(clear.toString('hex')), Buffer.from(clear.toString('hex').toUpperCase()), ...base64];
};

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

/** The files of the data dir (and their -wal/-shm) where any encoding of the marker was found. */
const filesHolding = (dir: string, marker: string): string[] => {
  const needles = encodings(marker);
  return filesUnder(dir).filter((file) => {
    const bytes = fs.readFileSync(file);
    return needles.some((n) => bytes.includes(n));
  });
};

describe('forensic: delivered data never lies on disk in clear, and is unreadable after the purge', () => {
  let t: TestApp | undefined;
  afterAll(async () => t?.close());

  it('the scan finds the marker in clear, hex or base64 at any offset (a control of the scan itself)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
    try {
      const marker = `MARKER-${randomBytes(12).toString('hex')}`;
      const payload = Buffer.from(JSON.stringify({ identity: `Jeanne ${marker}` }));
      fs.writeFileSync(path.join(dir, 'clear.db'), Buffer.concat([randomBytes(50), payload]));
      fs.writeFileSync(path.join(dir, 'hex.db'), payload.toString('hex'));
      for (const shift of [0, 1, 2]) {
        fs.writeFileSync(path.join(dir, `b64-${shift}.db`), Buffer.concat([Buffer.alloc(shift, 0x7a), payload]).toString('base64'));
      }
      fs.writeFileSync(path.join(dir, 'other.db'), randomBytes(200));
      expect(filesHolding(dir, marker).map((f) => path.basename(f)).sort()).toEqual(['b64-0.db', 'b64-1.db', 'b64-2.db', 'clear.db', 'hex.db']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the marker in no file of the data dir, before and after the purge; no code path decrypts it after', async () => {
    const app = await startTestApp();
    t = app;
    await prepareParties(app);
    const marker = `MARKER-${randomBytes(12).toString('hex')}`;
    const secretMessage = `ALERT-${randomBytes(12).toString('hex')}`;
    const requestId = await fileIdentification(t);
    const records = [{ identifier: '192.0.2.10', identity: `Jeanne ${marker}`, emailAddress: `${marker}@example.org` }];
    await deliver(t, requestId, records).set('Idempotency-Key', 'forensic-delivery').expect(201);
    const read = await t.http
      .post(`/v1/requests/${requestId}/data-access`)
      .set(bearer(KEYS.agent))
      .set('Idempotency-Key', 'forensic-read')
      .send({ purpose: 'alert-holder' })
      .expect(200);
    expect(JSON.stringify(read.body)).toContain(marker);
    await t.http
      .post(`/v1/requests/${requestId}/alerts`)
      .set(bearer(KEYS.agent))
      .set('Idempotency-Key', 'forensic-alert')
      .send({ recipient: { recordIndex: 0 }, channel: 'email', message: secretMessage })
      .expect(201);

    const names = fs.readdirSync(t.dataDir);
    for (const expected of ['events.db', 'read.db', 'vault.db', 'idempotency.db']) expect(names).toContain(expected);
    expect(filesHolding(t.dataDir, marker)).toEqual([]);
    expect(filesHolding(t.dataDir, secretMessage)).toEqual([]);

    await t.http.post(`/v1/requests/${requestId}/purge`).set(bearer(KEYS.agent)).send({ reason: 'purpose-fulfilled' }).expect(200);
    expect(filesHolding(t.dataDir, marker)).toEqual([]);

    // Every code path: the use case, and the vault itself on the ciphertext the log still holds.
    const meta = { actor: { id: 'p-agent', role: 'agent' }, commandId: newCommandId(), correlationId: 'forensic', occurredAt: t.clock.now().toISOString() };
    await expect(accessData(t.runtime.deps, meta, IDS.agent, requestId, 'alert-holder')).rejects.toMatchObject({ code: 'DATA_PURGED' });
    let sealed: SealedDataset | undefined;
    for await (const e of t.runtime.store.readStream(`request-${requestId}`)) {
      if (e.type === 'DataDelivered') sealed = (e.data as unknown as { sealed: SealedDataset }).sealed;
    }
    if (!sealed) throw new Error('DataDelivered not found');
    const kept = sealed;
    await expect(app.runtime.vault.open(kept)).rejects.toThrow(KeyDestroyedError);

    const { dataDir } = t;
    // The files stay for the search below; the spec file's end removes them.
    await t.close({ keepDataDir: true });
    t = undefined;
    expect(filesHolding(dataDir, marker)).toEqual([]);
    const reopened = await Vault.open({ keys: await openDataKeyStore({ dataDir }), masterKey: Buffer.from('ab'.repeat(32), 'hex') });
    try {
      await expect(reopened.open(kept)).rejects.toThrow(KeyDestroyedError);
    } finally {
      await reopened.close();
    }
  });
});
