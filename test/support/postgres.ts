import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** A fresh, empty database (or schema) of the run's server: VIGIE_DATABASE_URL for one suite. */
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

/**
 * A schema of its own in the server's default database, that every connection made with
 * `url` reads and writes first (search_path): as empty and as private to one test as a
 * database when the code under test names its tables unqualified, and far cheaper to make
 * and drop (CREATE DATABASE copies and syncs a whole template, DROP DATABASE checkpoints).
 * For specs that make one per test (the mutation run repeats them for every mutant).
 */
export async function createTestSchema(): Promise<TestDatabase> {
  const name = `vigie_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA ${name}`));
  const url = new URL(serverUrl());
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => undefined),
  };
}
