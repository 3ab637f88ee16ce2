import {
  CompensationQueries,
  compensationProjection,
  oversightProjection,
  oversightReport,
  registerProjection,
  RegisterQueries,
  RetentionQueries,
  retentionProjection,
  type Projection,
  type ReadModelStore,
} from '@vigie/projections';

/** A report the CLI can rebuild: the read models it needs and the query the HTTP report runs. */
export interface ReportDefinition {
  readonly projections: readonly Projection[];
  /** `now` is the moment the report is taken at (what "overdue" or "waiting" are measured against). */
  query(readStore: ReadModelStore, now: Date): Promise<object>;
}

/**
 * Every report `vigie replay --report` knows, by name; each has the same shape as its
 * HTTP report (the HTTP reports) because it runs the same query on the same folds.
 * `register` (GET /v1/requests) is an addition to the contract's three.
 */
export const REPORTS: Readonly<Record<string, ReportDefinition>> = {
  retention: {
    projections: [retentionProjection],
    // The whole report as one page: nothing follows it.
    query: async (readStore, now) => ({ items: await new RetentionQueries(readStore).report({ now: now.toISOString() }), next: null }),
  },
  compensation: {
    projections: [compensationProjection],
    query: (readStore) => new CompensationQueries(readStore).report({}),
  },
  oversight: {
    projections: [oversightProjection],
    query: (readStore, now) => oversightReport(readStore, { now: now.toISOString() }),
  },
  register: {
    projections: [registerProjection],
    query: async (readStore) => ({ items: await new RegisterQueries(readStore).listRequests({}), next: null }),
  },
};

export const REPORT_NAMES: readonly string[] = Object.keys(REPORTS);
