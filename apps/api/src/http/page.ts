import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { fail } from './problem';

export const DEFAULT_PAGE_SIZE = 100;

/** `limit` and `cursor` of every list; a list's own filters extend this. */
export class PageQuery {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 1000, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Matches(/^(?:[1-9]\d{0,2}|1000)$/, { message: 'limit must be an integer from 1 to 1000' })
  limit?: string;

  @ApiPropertyOptional({ description: "Opaque: the previous page's `next`" })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  cursor?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly next: string | null;
}

export const pageSize = (query: PageQuery): number => (query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit));

const invalidCursor = (): never =>
  fail(400, 'VALIDATION_FAILED', 'The cursor is not one this list gave.', [{ field: 'cursor', message: "cursor must be a previous page's next" }]);

/**
 * A cursor is the sort key of the last item served, so the next page starts strictly
 * after it (a keyset, never an offset): items added meanwhile before it are not served
 * again and none after it is skipped. It names its list, so another list's cursor fails.
 */
export const encodeCursor = (list: string, key: readonly string[]): string =>
  Buffer.from(JSON.stringify({ l: list, k: key }), 'utf8').toString('base64url');

export const decodeCursor = (list: string, cursor: string | undefined, arity: number): readonly string[] | undefined => {
  if (cursor === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return invalidCursor();
  }
  const { l, k } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { l?: unknown; k?: unknown };
  if (l !== list || !Array.isArray(k) || k.length !== arity || !k.every((v) => typeof v === 'string' && v.length <= 500)) {
    return invalidCursor();
  }
  return k as string[];
};

/** Cuts the `limit + 1` rows a query returned into a page and the cursor after it. */
export const toPage = <Row, Item>(
  list: string,
  rows: readonly Row[],
  limit: number,
  key: (row: Row) => readonly string[],
  view: (row: Row) => Item,
): Page<Item> => {
  const served = rows.slice(0, limit);
  const last = served[served.length - 1];
  return { items: served.map(view), next: rows.length > limit && last !== undefined ? encodeCursor(list, key(last)) : null };
};
