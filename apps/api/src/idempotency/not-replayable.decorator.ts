import { SetMetadata } from '@nestjs/common';

export const NOT_REPLAYABLE_KEY = 'vigie:not-replayable';

/**
 * A POST whose answer must never be kept for replay: it carries delivered data in clear
 * (docs/design.md: delivered records are never stored in clear). Such a route ignores
 * Idempotency-Key: each call is a new command (each read appends its own DataAccessed,
 * so every read stays in the audit trail) and its answer is not written to the store.
 */
export const NotReplayable = () => SetMetadata(NOT_REPLAYABLE_KEY, true);
