import { IncidentNotifiedData } from './incident.events';

export type IncidentState =
  | { readonly status: 'unknown' }
  | ({ readonly status: 'notified' } & IncidentNotifiedData);
