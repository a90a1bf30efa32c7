/** What kind of value a record path holds, read from the zod schema (the single source of truth). */
import { z } from 'zod';
import { recordSchema } from '../record/index.js';

export type FieldKind = 'money' | 'int' | 'bool' | 'text' | 'date' | 'choice';

export interface KindInfo {
  kind: FieldKind;
  choices?: readonly string[];
}

/** Number leaves that count things rather than hold dollars. */
const COUNTS = new Set(['count', 'month', 'year']);

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

/** The kind of the leaf at `path`, or null when the path does not lead to a leaf of the record. */
export function fieldKind(path: string): KindInfo | null {
  let schema: z.ZodType = recordSchema;
  const keys = path.split('.');
  for (const key of keys) {
    const s = unwrap(schema);
    if (s instanceof z.ZodObject) {
      const next = (s.shape as Record<string, z.ZodType>)[key];
      if (!next) return null;
      schema = next;
    } else if (s instanceof z.ZodArray && /^\d+$/.test(key)) {
      schema = s.element as z.ZodType;
    } else {
      return null;
    }
  }
  const leaf = unwrap(schema);
  const last = keys[keys.length - 1] ?? '';
  if (leaf instanceof z.ZodBoolean) return { kind: 'bool' };
  if (leaf instanceof z.ZodNumber) return { kind: COUNTS.has(last) ? 'int' : 'money' };
  if (leaf instanceof z.ZodEnum) return { kind: 'choice', choices: leaf.options as string[] };
  if (leaf instanceof z.ZodString) return { kind: path === 'signature.date' ? 'date' : 'text' };
  return null;
}
