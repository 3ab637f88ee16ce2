import { AppendOutcomeUnknownError, AppendTooLargeError, InvalidPositionError, StoreBusyError, StoreUnavailableError } from '@vigie/event-store';
import { ProblemFilter } from './problem.filter';

describe('ProblemFilter', () => {
  const filter = new ProblemFilter();

  it('answers 503, retryable, when the event log is busy, unreachable, or the append outcome is unknown', () => {
    const errors = [new StoreBusyError('database is locked'), new StoreUnavailableError('EventStoreDB unavailable'), new AppendOutcomeUnknownError('request-1', 'deadline')];
    for (const error of errors) {
      expect(filter.toProblem(error)).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
      expect(filter.toProblem(error).detail).not.toContain('locked');
      expect(filter.toProblem(error).detail).not.toContain('request-1');
    }
  });

  it('answers 413 naming the limit when the sealed command is larger than the store takes', () => {
    const answer = filter.toProblem(new AppendTooLargeError('request-1', 1_400_000, 1_048_576));
    expect(answer).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(answer.detail).toContain('1048576');
    expect(answer.detail).not.toContain('request-1');
  });

  it('answers 400 on a position that is not an event position', () => {
    expect(filter.toProblem(new InvalidPositionError(101n))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'from' }] });
  });
});
