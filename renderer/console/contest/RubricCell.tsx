import type { ReactNode } from 'react';

/** A label-less control (inside a table) or a labelled one, with its error text under it. */
export function Cell({
  label,
  error,
  hint,
  children,
}: {
  label?: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className={['field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      {label ? (
        <label className="field-label">
          {label}
          {children}
        </label>
      ) : (
        children
      )}
      {hint && !error ? <p className="field-hint">{hint}</p> : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
