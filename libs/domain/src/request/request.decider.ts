import { assertNever, Decider } from '../kernel/decider';
import { RequestCommand, RequestContext } from './request.commands';
import { RequestEvent } from './request.events';
import { decideDeclineRequest, decideDeliverData, decideRecordOversightNotice } from './request-answer.decision';
import { decideReleaseClaim, decideReserveForClaim } from './request-claim.decision';
import { decideAccessData, decidePurgeData, decideSendAlert } from './request-data-use.decision';
import { decideFileRequest } from './request-filing.decision';
import { evolveRequest, initialRequestState } from './request.evolve';
import { RequestState } from './request.state';

export { evolveRequest, initialRequestState } from './request.evolve';

export const decideRequest = (
  command: RequestCommand,
  state: RequestState,
  context?: RequestContext,
): RequestEvent[] => {
  switch (command.type) {
    case 'FileRequest':
      return decideFileRequest(command, state, context);
    case 'RecordOversightNotice':
      return decideRecordOversightNotice(command, state);
    case 'DeliverData':
      return decideDeliverData(command, state);
    case 'DeclineRequest':
      return decideDeclineRequest(command, state);
    case 'AccessData':
      return decideAccessData(command, state);
    case 'SendAlert':
      return decideSendAlert(command, state);
    case 'PurgeData':
      return decidePurgeData(command, state);
    case 'ReserveForClaim':
      return decideReserveForClaim(command, state);
    case 'ReleaseClaim':
      return decideReleaseClaim(command, state);
    default:
      return assertNever(command);
  }
};

/** The `request-<id>` stream: filing, ARCEP notice, answer, uses of the data, purge, claim reservation. */
export const requestDecider: Decider<RequestCommand, RequestEvent, RequestState, RequestContext> = {
  initialState: initialRequestState,
  evolve: evolveRequest,
  decide: decideRequest,
};
