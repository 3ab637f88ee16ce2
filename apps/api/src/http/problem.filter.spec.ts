import { StoreBusyError, StoreUnavailableError } from '@vigie/event-store';
import { ProblemFilter } from './problem.filter';

describe('ProblemFilter', () => {
  it('answers 503, retryable, when the event log is busy or unreachable', () => {
    const filter = new ProblemFilter();
    for (const error of [new StoreBusyError('database is locked'), new StoreUnavailableError('EventStoreDB unavailable')]) {
      expect(filter.toProblem(error)).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
      expect(filter.toProblem(error).detail).not.toContain('locked');
    }
  });
});
