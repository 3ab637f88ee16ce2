import type { Lease } from './lease';
import { DataDirLease } from './data-dir.lease';
import { PgAdvisoryLease } from './pg-advisory.lease';

/**
 * A process that only holds a lease, for the tests that kill it: `pg <url> <name>` or
 * `data-dir <dir> <name>`. Prints "acquired" once it holds the lease, then lives until killed.
 */
const [kind, target, name] = process.argv.slice(2);
if (!kind || !target || !name) throw new Error('usage: lease-holder.fixture (pg|data-dir) <url|dir> <name>');
const lease: Lease = kind === 'pg' ? new PgAdvisoryLease({ url: target, name, retryMs: 100 }) : new DataDirLease({ dataDir: target, name, retryMs: 100 });
lease.on('acquired', () => process.stdout.write('acquired\n'));
lease.start();
setInterval(() => undefined, 60_000);
