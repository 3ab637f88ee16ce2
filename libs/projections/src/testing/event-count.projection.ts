import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { Projection, ProjectionTx } from '../projection';

export interface EventCountOptions {
  readonly version?: number;
  /** Called before each fold (tests count applications or throw to simulate a crash). */
  readonly beforeApply?: (event: RecordedEvent, tx: ProjectionTx) => void;
}

export interface EventCountRow {
  readonly type: string;
  readonly n: number;
  readonly total: number;
}

/**
 * A sample read model for tests: events per type and the sum of `data.amount`.
 * `seen` has the position as primary key, so a fold applied twice fails loudly.
 */
export function eventCountProjection(options: EventCountOptions = {}): Projection {
  return {
    name: 'event_count',
    version: options.version ?? 1,
    handles: ['Ping', 'Pong'],
    tables: [
      { name: 'counts', columns: ['type TEXT PRIMARY KEY', 'n INTEGER NOT NULL', 'total INTEGER NOT NULL'] },
      {
        name: 'seen',
        columns: ['position TEXT NOT NULL', 'event_id TEXT NOT NULL'],
        constraints: ['PRIMARY KEY (position)'],
        indexes: [{ name: 'by_event', columns: ['event_id'], unique: true }],
      },
    ],
    apply(event, tx) {
      options.beforeApply?.(event, tx);
      const amount = typeof event.data.amount === 'number' ? event.data.amount : 0;
      const table = tx.table('counts');
      // The target's columns are qualified: PostgreSQL finds a bare `n` ambiguous beside `excluded.n`.
      tx.run(
        `INSERT INTO ${table} (type, n, total) VALUES (?, 1, ?)
         ON CONFLICT (type) DO UPDATE SET n = ${table}.n + 1, total = ${table}.total + excluded.total`,
        [event.type, amount],
      );
      tx.run(`INSERT INTO ${tx.table('seen')} (position, event_id) VALUES (?, ?)`, [
        event.position.toString(),
        event.eventId,
      ]);
    },
  };
}
