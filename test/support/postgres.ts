import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** A fresh, empty database of the run's server: VIGIE_DATABASE_URL for one suite. */
  readonly url: string;
  /** Drops it (connections still open to it are ended first). */
  drop(): Promise<void>;
}

const serverUrl = (): string => {
  const url = process.env.VIGIE_TEST_POSTGRES_URL;
  if (!url) throw new Error('No test PostgreSQL: jest starts one in its global setup (test/support/postgres.global-setup.ts)');
  return url;
};

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one suite, so suites running in parallel never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `vigie_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
