/**
 * Why the client would refuse this connection string, or undefined when it accepts it.
 * The check is the client's own parser (6.2.1 knows `esdb://` and `esdb+discover://`
 * only; `kurrentdb://` is for the KurrentDB clients), so configuration accepts exactly
 * what the adapter can connect with.
 */
export function connectionStringProblem(connectionString: string): string | undefined {
  // Loaded only when a connection string is configured: the parser's module pulls in the
  // client's gRPC stack (about 0.4 s of a start on the embedded SQLite log).
  const { parseConnectionString } = require('@eventstore/db-client/dist/Client/parseConnectionString') as typeof import('@eventstore/db-client/dist/Client/parseConnectionString');
  try {
    parseConnectionString(connectionString);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}
