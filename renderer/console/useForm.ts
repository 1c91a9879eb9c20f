import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { useT } from '../ui/i18n';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Places a failed request's message: next to the form field the server named,
 * or, when it named none this form shows, above the form.
 */
export function placeError<F extends string>(
  error: unknown,
  fields: readonly F[],
  fallback: string,
): { fieldErrors: FieldErrors<F>; formError: string | null } {
  if (!(error instanceof ApiError)) return { fieldErrors: {}, formError: fallback };
  // The server may name a nested path ("body.title"); the last part is the form field.
  const named = error.field?.split('.').pop();
  const field = fields.find((f) => f === named);
  if (!field) return { fieldErrors: {}, formError: error.message };
  const fieldErrors: FieldErrors<F> = {};
  fieldErrors[field] = error.message;
  return { fieldErrors, formError: null };
}

/** The state every console form has: values, per-field errors, a general error, and a busy flag. */
export function useForm<V extends Record<F, string>, F extends string>(blank: () => V, fields: readonly F[]) {
  const t = useT();
  const [values, setValues] = useState<V>(blank);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // Keyboard focus goes to the first marked field, so the person sees what to fix.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  function set<K extends F>(key: K, value: V[K]): void {
    setValues((v) => ({ ...v, [key]: value }));
    // The mark goes as soon as the person starts fixing the field.
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function fail(found: FieldErrors<F>, general: string | null = null): void {
    setErrors(found);
    setFormError(general);
    setAttempt((n) => n + 1);
  }

  /** Sends the form: one request at a time, the old messages cleared, the server's message placed. */
  async function sending(request: () => Promise<void>): Promise<void> {
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await request();
      setValues(blank());
    } catch (error) {
      const placed = placeError(error, fields, t('error.internal'));
      fail(placed.fieldErrors, placed.formError);
    } finally {
      setBusy(false);
    }
  }

  /** Starts sending and returns at once: every outcome is shown by the form itself. */
  function send(request: () => Promise<void>): void {
    void sending(request);
  }

  return { values, set, errors, formError, busy, formRef, fail, send };
}
