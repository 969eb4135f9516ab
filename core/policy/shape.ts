/**
 * What kind of value a policy key holds, read from its zod schema. Registry and plist sources
 * deliver loosely typed values (REG_DWORD 1 for true, REG_SZ JSON for objects), so the loader
 * coerces by shape, and the template generator picks the matching ADMX element.
 */
import type { z } from 'zod';

export type FieldShape =
  | { kind: 'boolean' }
  | { kind: 'number' }
  | { kind: 'string' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'list' }
  /** An object whose fields are all scalars: one registry subkey with one value per field. */
  | { kind: 'object'; fields: Record<string, FieldShape> }
  /** Anything else (records, nested objects): a JSON string in the registry. */
  | { kind: 'json' };

type Inspectable = z.ZodType & { def: { type: string } };

export function fieldShape(schema: z.ZodType): FieldShape {
  const s = schema as Inspectable;
  switch (s.def.type) {
    case 'default':
    case 'optional':
    case 'nullable':
      return fieldShape((s as unknown as { unwrap(): z.ZodType }).unwrap());
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
      return { kind: 'number' };
    case 'string':
      return { kind: 'string' };
    case 'enum':
      return { kind: 'enum', values: (s as unknown as { options: string[] }).options };
    case 'array': {
      const element = fieldShape((s as unknown as { element: z.ZodType }).element);
      // A list of names from a closed set (brokerOperations) is a list too: a GPO list box, a plist array.
      return element.kind === 'string' || element.kind === 'enum' ? { kind: 'list' } : { kind: 'json' };
    }
    case 'object': {
      const shape = (s as unknown as { shape: Record<string, z.ZodType> }).shape;
      const fields: Record<string, FieldShape> = {};
      for (const [name, field] of Object.entries(shape)) {
        const inner = fieldShape(field);
        if (inner.kind === 'object' || inner.kind === 'json' || inner.kind === 'list') return { kind: 'json' };
        fields[name] = inner;
      }
      return { kind: 'object', fields };
    }
    default:
      return { kind: 'json' };
  }
}

/**
 * Turn a raw source value into what the schema expects, where that is unambiguous. Values that
 * cannot be coerced are returned unchanged so the schema reports the real problem.
 */
export function coerce(shape: FieldShape, raw: unknown): unknown {
  switch (shape.kind) {
    case 'boolean':
      if (raw === 0 || raw === 1) return raw === 1;
      if (typeof raw === 'string' && /^(true|false|0|1)$/i.test(raw.trim())) return /^(true|1)$/i.test(raw.trim());
      return raw;
    case 'number':
      if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
      return raw;
    case 'string':
    case 'enum':
      return typeof raw === 'number' ? String(raw) : raw;
    case 'list':
      if (typeof raw === 'string')
        return parseJsonOr(raw, () =>
          raw
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter(Boolean),
        );
      // A GPO list element writes values named 1, 2, 3… under a subkey.
      if (isPlainObject(raw))
        return Object.entries(raw)
          .filter(([k]) => /^\d+$/.test(k))
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([, v]) => v);
      return raw;
    case 'object': {
      const value = typeof raw === 'string' ? parseJsonOr(raw, () => raw) : raw;
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [name, v] of Object.entries(value)) {
        // Registry value names are case-insensitive; map them back to the schema's spelling.
        const field = Object.keys(shape.fields).find((f) => f.toLowerCase() === name.toLowerCase());
        if (field === undefined) out[name] = v;
        else out[field] = coerce(shape.fields[field] ?? { kind: 'json' }, v);
      }
      return out;
    }
    case 'json':
      return typeof raw === 'string' ? parseJsonOr(raw, () => raw) : raw;
  }
}

function parseJsonOr(text: string, fallback: () => unknown): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return fallback();
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return fallback();
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
