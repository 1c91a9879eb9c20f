import { Field } from '../../ui/Field';

/** A number in the template (mm, pt, a factor): only finite values reach the draft. */
export function NumberInput({
  label,
  value,
  onChange,
  step = 1,
  min,
  max,
  testId,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  step?: number;
  min?: number;
  max?: number;
  testId?: string;
}) {
  return (
    <Field label={label} marker={false} className="certificate-number-field">
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          step={step}
          min={min}
          max={max}
          value={Number.isFinite(value) ? value : ''}
          data-testid={testId}
          onChange={(e) => {
            const next = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(next)) onChange(next);
          }}
        />
      )}
    </Field>
  );
}

/** One of a few options, each with its label. */
export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<[T, string]>;
  onChange: (value: T) => void;
  testId?: string;
}) {
  return (
    <Field label={label} marker={false}>
      {(control) => (
        <select
          {...control}
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(options.find(([v]) => v === e.target.value)?.[0] ?? value)}
        >
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
