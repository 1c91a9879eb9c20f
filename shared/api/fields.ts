import { z } from 'zod';
import type { MessageKey } from '../i18n';

/** Metadata the server reads to name a field in a translated error. */
export interface FieldMeta {
  label: MessageKey;
}

/** Attaches the field's human label (an i18n key) to a schema. */
export function labelled<T extends z.ZodType>(schema: T, label: MessageKey): T {
  return schema.meta({ label } satisfies FieldMeta);
}

export function text(label: MessageKey, max: number) {
  return labelled(z.string().trim().min(1).max(max), label);
}

export function optionalText(label: MessageKey, max: number) {
  // An empty string from a form means "not given".
  return labelled(
    z
      .string()
      .trim()
      .max(max)
      .transform((v) => (v === '' ? undefined : v))
      .optional(),
    label,
  );
}

export const isoDate = (label: MessageKey) => labelled(z.iso.date(), label);

/** A numeric id from a URL path segment: at most 15 digits, so it is read exactly (no id is that large). */
export const idParam = z
  .string()
  .max(15, { abort: true })
  .regex(/^[1-9]\d{0,14}$/)
  .transform(Number);
