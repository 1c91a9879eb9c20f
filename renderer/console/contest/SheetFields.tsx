import type { Rubric } from '../../../shared/api/contest';
import { ApiError } from '../../api/client';
import { useT } from '../../ui/i18n';
import { fieldPath } from './format';

/** What was typed per criterion key. */
export type SheetValues = Record<string, string>;

/** The typed points as the host's body wants them: a blank box is null (the host names it as missing). */
export function sheetScores(rubric: Rubric, values: SheetValues): Record<string, number | null> {
  return Object.fromEntries(
    rubric.criteria.map((c) => {
      const text = (values[c.key] ?? '').trim();
      return [c.key, text === '' ? null : Number(text)];
    }),
  );
}

/** Where a refusal of a sheet belongs: beside a criterion (`score:key`), the reason, or the whole form. */
export function sheetErrorPlace(rubric: Rubric, error: unknown): string {
  const path = error instanceof ApiError ? fieldPath(error.field) : null;
  const key = path?.replace(/^scores\./, '') ?? '';
  if (path === 'reason') return 'reason';
  return rubric.criteria.some((c) => c.key === key) ? `score:${key}` : 'form';
}

/** One box per criterion of the rubric, for a chief judge's 更正 or 补录 of a judge's sheet. */
export function SheetFields({
  rubric,
  values,
  errors,
  onChange,
  testId = 'correction-score',
}: {
  rubric: Rubric;
  values: SheetValues;
  /** By place: `score:key`. */
  errors: Readonly<Record<string, string>>;
  onChange: (key: string, value: string) => void;
  testId?: string;
}) {
  const t = useT();
  return rubric.criteria.map((c) => {
    const error = errors[`score:${c.key}`];
    return (
      <div key={c.key} className={`field ${error ? 'field-invalid' : ''}`}>
        <label className="field-label">
          {t('contest.correction.criterion', { name: c.name, max: c.max })}
          <input
            inputMode="decimal"
            value={values[c.key] ?? ''}
            onChange={(e) => onChange(c.key, e.target.value)}
            data-testid={testId}
            data-key={c.key}
          />
        </label>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  });
}

/** The required reason of a change to a judge's sheet: it goes into the audit log with the change. */
export function ReasonField({
  label,
  example,
  value,
  error,
  onChange,
  testId,
}: {
  label: string;
  example: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <div className={`field span-2 ${error ? 'field-invalid' : ''}`}>
      <label className="field-label">
        <span>
          {label} <span className="field-required">*</span>
        </span>
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={example}
          data-testid={testId}
          aria-required="true"
        />
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
