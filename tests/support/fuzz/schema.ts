// Bodies that look right but are wrong in one place, drawn from the route's own zod schema: a random body is
// refused at its first key, so the fuzz starts from a plausible body and breaks one field of it.
import fc from 'fast-check';
import { z } from 'zod';
import { malformedValue } from './values';

type Path = Array<string | number>;

function typeOf(schema: z.core.$ZodType): string {
  return schema._zod.def.type;
}

function formatOf(schema: z.core.$ZodType): unknown {
  const def = schema._zod.def;
  return 'format' in def ? def.format : undefined;
}

/** A value the schema probably accepts (its first option, the smallest lengths), to be broken in one place. */
export function plausible(schema: z.core.$ZodType, depth = 0): unknown {
  if (depth > 8) return null;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return plausible(schema.unwrap(), depth + 1);
  if (schema instanceof z.ZodPipe) return plausible(schema.in, depth + 1);
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.core.$ZodType> = schema.shape;
    return Object.fromEntries(Object.entries(shape).map(([key, child]) => [key, plausible(child, depth + 1)]));
  }
  if (schema instanceof z.ZodArray) return [plausible(schema.element, depth + 1)];
  if (schema instanceof z.ZodRecord) return { key: plausible(schema.valueType, depth + 1) };
  if (schema instanceof z.ZodUnion) {
    const first: unknown = schema.options[0];
    return first instanceof z.ZodType ? plausible(first, depth + 1) : null;
  }
  if (schema instanceof z.ZodEnum) return schema.options[0];
  if (schema instanceof z.ZodLiteral) return [...schema.values][0];
  if (schema instanceof z.ZodBoolean) return true;
  if (schema instanceof z.ZodNumber) return Math.max(schema.minValue ?? 1, Math.min(1, schema.maxValue ?? 1));
  if (typeOf(schema) === 'string') {
    if (formatOf(schema) === 'date') return '2024-07-03';
    if (formatOf(schema) === 'datetime') return '2024-07-03T09:00:00.000Z';
    const min = schema instanceof z.ZodString ? (schema.minLength ?? 1) : 1;
    return 'sample-value-0001'.padEnd(min, 'x').slice(0, Math.max(min, 17));
  }
  return null;
}

/** Every place in `value` a mutation can hit: the root, each key and each element, with the value found there. */
function places(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (path.length > 6) return out;
  if (Array.isArray(value)) value.forEach((v, i) => places(v, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) places(v, [...path, k], out);
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `value` with the thing at `path` replaced (`put`) or removed (`put` undefined); a copy, never in place. */
function edit(value: unknown, path: Path, put: (old: unknown) => unknown): unknown {
  if (path.length === 0) return put(value);
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy: unknown[] = Array.from(value);
    copy[head] = edit(copy[head], rest, put);
    return copy;
  }
  if (isRecord(value) && typeof head === 'string') {
    const next = edit(value[head], rest, put);
    const copy: Record<string, unknown> = { ...value };
    if (next === undefined) delete copy[head];
    else Object.defineProperty(copy, head, { value: next, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return value;
}

type Mutation =
  { kind: 'replace'; value: unknown } | { kind: 'remove' } | { kind: 'extra-key'; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: malformedValue.map((value): Mutation => ({ kind: 'replace', value })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'remove' }) },
  {
    weight: 2,
    arbitrary: fc
      .record({ key: fc.constantFrom('extra', 'isAdmin', '__proto__', 'id', 'eventId', ''), value: malformedValue })
      .map((m): Mutation => ({ kind: 'extra-key', ...m })),
  },
);

/** A plausible body for `schema` broken in one place (a field of the wrong kind, a missing one, an unknown key). */
export function brokenBody(schema: z.core.$ZodType): fc.Arbitrary<unknown> {
  const base = plausible(schema);
  const spots = places(base);
  return fc.record({ at: fc.constantFrom(...spots), change: mutation }).map(({ at, change }) => {
    switch (change.kind) {
      case 'replace':
        return edit(base, at, () => change.value);
      case 'remove':
        return edit(base, at, () => undefined);
      case 'extra-key':
        return edit(base, at, (old) =>
          isRecord(old) ? { ...old, [change.key]: change.value } : { [change.key]: change.value },
        );
    }
  });
}

/** What the server's JSON parser hands the schema for `value` sent with `JSON.stringify` (null when no body). */
export function afterJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}
