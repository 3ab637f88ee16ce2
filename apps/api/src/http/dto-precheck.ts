// class-transformer's own registry of @Type(): where nested DTOs are declared.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { MAX_FIELD_ERRORS, type FieldError } from './problem';

type Dto = abstract new (...args: never[]) => unknown;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (prefix: string, key: string | number): string =>
  typeof key === 'number' ? `${prefix}[${key}]` : prefix === '' ? key : `${prefix}.${key}`;

/** What the precheck needs of a DTO, read once from its decorators (they are all declared when its class loads). */
interface DtoShape {
  readonly known: ReadonlySet<string>;
  readonly maxSizes: readonly (readonly [property: string, max: number])[];
  readonly nested: readonly (readonly [property: string, dto: Dto])[];
}

const shapes = new WeakMap<Dto, DtoShape | null>();

const shapeOf = (dto: Dto): DtoShape | null => {
  let shape = shapes.get(dto);
  if (shape !== undefined) return shape;
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto as never, '', true, false);
  if (metas.length === 0) {
    shape = null;
  } else {
    const known = new Set(metas.map((m) => m.propertyName));
    const maxSizes = metas.filter((m) => m.name === 'arrayMaxSize').map((m) => [m.propertyName, Number(m.constraints?.[0])] as const);
    const nested: (readonly [string, Dto])[] = [];
    for (const property of known) {
      const type = defaultMetadataStorage.findTypeMetadata(dto as never, property)?.typeFunction?.() as Dto | undefined;
      if (typeof type === 'function') nested.push([property, type]);
    }
    shape = { known, maxSizes, nested };
  }
  shapes.set(dto, shape);
  return shape;
};

const walk = (dto: Dto, value: unknown, prefix: string, out: FieldError[]): void => {
  if (!isPlainObject(value) || out.length > MAX_FIELD_ERRORS) return;
  const shape = shapeOf(dto);
  if (shape === null) return;
  for (const key of Object.keys(value)) {
    if (!shape.known.has(key)) out.push({ field: join(prefix, key), message: `property ${key.slice(0, 100)} should not exist` });
  }
  for (const [property, max] of shape.maxSizes) {
    const v = value[property];
    if (Array.isArray(v) && v.length > max) {
      out.push({ field: join(prefix, property), message: `${property} must contain no more than ${max} elements` });
    }
  }
  if (out.length > 0) return;
  for (const [property, nested] of shape.nested) {
    const v = value[property];
    if (Array.isArray(v)) v.forEach((item, i) => walk(nested, item, join(join(prefix, property), i), out));
    else walk(nested, v, join(prefix, property), out);
  }
};

/**
 * The checks whose failures scale with the body — unknown properties, arrays over their
 * bound — made from the DTO's own decorators in one cheap pass, before class-transformer
 * and class-validator copy and check every element: a body with 80,000 unknown keys or
 * 150,000 array items is refused for about the price of a normal one.
 */
export const precheckAgainstDto = (dto: Dto, body: unknown): FieldError[] => {
  const out: FieldError[] = [];
  walk(dto, body, '', out);
  return out;
};
