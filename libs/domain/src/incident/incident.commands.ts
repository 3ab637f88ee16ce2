import { DomainCommand } from '../kernel/command';
import { OperatorState } from '../operator/operator.state';
import { IncidentNotifiedData } from './incident.events';

export type NotifyIncident = DomainCommand<'NotifyIncident', IncidentNotifiedData>;

export type IncidentCommand = NotifyIncident;

/** Facts from other streams, loaded by the caller. */
export interface IncidentContext {
  /** The state of the `operator-<reportedBy>` stream. */
  readonly reporter: OperatorState;
}
