import type { Type } from '@nestjs/common';

/** The use-case controllers, one vertical slice each (STYLE.md §8). */
export const FEATURE_CONTROLLERS: readonly Type<unknown>[] = [];
