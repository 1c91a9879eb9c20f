import { useId, type ReactNode } from 'react';
import { useT } from './i18n';

/** What a control needs to be tied to its label and error text. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

interface FieldProps {
  label: string;
  required?: boolean;
  /** false: no 必填/选填 after the label, for forms where every field is plainly optional (editors, options). */
  marker?: boolean;
  hint?: string;
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A label, its control, a hint and an error, tied together for screen readers. */
export function Field({ label, required = false, marker = true, hint, error, className, children }: FieldProps) {
  const t = useT();
  const id = useId();
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
        {!marker ? null : required ? (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : (
          <span className="field-optional"> {t('form.optional')}</span>
        )}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })}
      {hintId ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} data-testid="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
