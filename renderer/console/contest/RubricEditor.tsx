import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Rubric, RubricInput } from '../../../shared/api/contest';
import {
  aggregationMethods,
  criterionSteps,
  type AggregationMethod,
  type CriterionStep,
} from '../../../shared/domain/scoring';
import { ApiError, type ApiClient } from '../../api/client';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Notice } from '../../ui/Notice';
import { useT, type Translate } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useErrorMessage } from '../../ui/useErrorMessage';
import type { Loaded } from '../../ui/useLoad';
import { clockText, fieldPath, parseClock } from './format';

interface CriterionRow {
  rowId: number;
  key: string;
  name: string;
  max: string;
  step: CriterionStep;
}

interface GroupRow {
  rowId: number;
  key: string;
  name: string;
  weight: string;
}

interface RubricForm {
  criteria: CriterionRow[];
  groups: GroupRow[];
  method: AggregationMethod;
  dropHighest: string;
  dropLowest: string;
  decimals: string;
  tieBreak: string[];
  timerOn: boolean;
  greenAt: string;
  amberAt: string;
  redAt: string;
  overtime: string;
}

type Errors = Record<string, string>;

let nextRowId = 1;
const row = (key: string, name: string, max: string, step: CriterionStep): CriterionRow => ({
  rowId: nextRowId++,
  key,
  name,
  max,
  step,
});
const groupRow = (key: string, name: string, weight: string): GroupRow => ({ rowId: nextRowId++, key, name, weight });

const methodLabels = {
  mean: 'contest.method.mean',
  'trimmed-mean': 'contest.method.trimmed-mean',
  median: 'contest.method.median',
  sum: 'contest.method.sum',
  'trimmed-sum': 'contest.method.trimmed-sum',
} as const;

function blankForm(): RubricForm {
  return {
    criteria: [row('', '', '', 1)],
    groups: [],
    method: 'mean',
    dropHighest: '0',
    dropLowest: '0',
    decimals: '2',
    tieBreak: [],
    timerOn: false,
    greenAt: '0:00',
    amberAt: '',
    redAt: '',
    overtime: '0',
  };
}

function formOf(rubric: Rubric): RubricForm {
  return {
    criteria: rubric.criteria.map((c) => row(c.key, c.name, String(c.max), c.step)),
    groups: rubric.groups.map((g) => groupRow(g.key, g.name, String(g.weight))),
    method: rubric.aggregation.method,
    dropHighest: String(rubric.aggregation.dropHighest),
    dropLowest: String(rubric.aggregation.dropLowest),
    decimals: String(rubric.decimals),
    tieBreak: [...rubric.tieBreak],
    timerOn: rubric.timer !== null,
    greenAt: clockText(rubric.timer?.greenAt ?? 0),
    amberAt: rubric.timer ? clockText(rubric.timer.amberAt) : '',
    redAt: rubric.timer ? clockText(rubric.timer.redAt) : '',
    overtime: String(rubric.timer?.overtimeDeductionPerMinute ?? 0),
  };
}

/** Codes the judges never see: c1, c2… (criteria) or g1, g2… (judge groups, which judges are filed under) for rows left blank; codes given stay. */
function withKeys<T extends { key: string }>(rows: readonly T[], prefix: string): T[] {
  const taken = new Set(rows.map((r) => r.key.trim()).filter(Boolean));
  let n = 1;
  return rows.map((r) => {
    if (r.key.trim()) return { ...r, key: r.key.trim() };
    while (taken.has(`${prefix}${n}`)) n++;
    const key = `${prefix}${n}`;
    taken.add(key);
    return { ...r, key };
  });
}

/** A number the person typed, or NaN (the server then names the field). */
function num(text: string): number {
  const value = text.trim().replace('．', '.');
  return value === '' ? Number.NaN : Number(value);
}

export function tieBreakLabel(t: Translate, rule: string, criteria: readonly { key: string; name: string }[]): string {
  if (rule === 'unrounded') return t('contest.tieBreak.unrounded');
  if (rule === 'raw-mean') return t('contest.tieBreak.raw-mean');
  const key = rule.startsWith('criterion:') ? rule.slice('criterion:'.length) : rule;
  const name = criteria.find((c) => c.key === key)?.name ?? key;
  return t('contest.tieBreak.criterion', { name });
}

export function RubricEditor({
  api,
  eventId,
  rubric,
}: {
  api: ApiClient;
  eventId: number;
  rubric: Loaded<Rubric | null>;
}) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const [form, setForm] = useState<RubricForm>(blankForm);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (rubric.data && !dirty) setForm(formOf(rubric.data));
    // Only a fresh answer from the host refills the form; typing must not be overwritten.
  }, [rubric.data]);

  function update(change: Partial<RubricForm>, clear: string[] = []) {
    setForm((f) => ({ ...f, ...change }));
    setDirty(true);
    if (clear.length) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !clear.includes(k))));
  }

  function updateGroup(index: number, change: Partial<GroupRow>) {
    update(
      { groups: form.groups.map((g, i) => (i === index ? { ...g, ...change } : g)) },
      Object.keys(change).map((k) => `groups.${index}.${k}`),
    );
  }

  function updateRow(index: number, change: Partial<CriterionRow>) {
    update(
      { criteria: form.criteria.map((c, i) => (i === index ? { ...c, ...change } : c)) },
      Object.keys(change).map((k) => `criteria.${index}.${k}`),
    );
  }

  /** Choosing 去掉最高最低 with nothing to drop would silently be a plain mean: start from one of each. */
  function chooseMethod(method: RubricForm['method']) {
    const trims = method === 'trimmed-mean' || method === 'trimmed-sum';
    const nothingDropped = num(form.dropHighest) === 0 && num(form.dropLowest) === 0;
    update(trims && nothingDropped ? { method, dropHighest: '1', dropLowest: '1' } : { method }, [
      'aggregation.method',
      'aggregation.dropHighest',
      'aggregation.dropLowest',
    ]);
  }

  function preset() {
    update({
      criteria: [
        row('c1', t('contest.preset.content'), '40', 0.5),
        row('c2', t('contest.preset.delivery'), '30', 0.5),
        row('c3', t('contest.preset.image'), '20', 0.5),
        row('c4', t('contest.preset.time'), '10', 0.5),
      ],
    });
    setErrors({});
  }

  function localErrors(): Errors {
    const found: Errors = {};
    if (form.timerOn) {
      for (const name of ['greenAt', 'amberAt', 'redAt'] as const) {
        if (parseClock(form[name]) === null) found[`timer.${name}`] = t('contest.rubric.badClock');
      }
    }
    return found;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const criteria = withKeys(form.criteria, 'c');
    const groups = withKeys(form.groups, 'g');
    setForm((f) => ({ ...f, criteria, groups }));
    const local = localErrors();
    setFormError(null);
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    const body: RubricInput = {
      criteria: criteria.map((c) => ({ key: c.key, name: c.name.trim(), max: num(c.max), step: c.step })),
      aggregation: { method: form.method, dropHighest: num(form.dropHighest), dropLowest: num(form.dropLowest) },
      decimals: num(form.decimals),
      tieBreak: form.tieBreak,
      groups: groups.map((g) => ({ key: g.key, name: g.name.trim(), weight: num(g.weight) })),
      ...(form.timerOn
        ? {
            timer: {
              greenAt: parseClock(form.greenAt) ?? 0,
              amberAt: parseClock(form.amberAt) ?? 0,
              redAt: parseClock(form.redAt) ?? 0,
              overtimeDeductionPerMinute: num(form.overtime),
            },
          }
        : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      await api.call('putRubric', { params: { id: String(eventId) }, body });
      setDirty(false);
      toast(t('contest.rubric.saved'));
      rubric.reload();
    } catch (error) {
      const path = error instanceof ApiError ? fieldPath(error.field) : null;
      if (path && knownPath(path, criteria.length)) setErrors({ [path]: message(error) });
      else setFormError(message(error));
    } finally {
      setBusy(false);
    }
  }

  const err = (path: string) => errors[path];
  const keys = withKeys(form.criteria, 'c');
  const tieOptions = ['unrounded', 'raw-mean', ...keys.map((c) => `criterion:${c.key}`)].filter(
    (r) => !form.tieBreak.includes(r),
  );
  const trimmed = form.method === 'trimmed-mean' || form.method === 'trimmed-sum';

  if (rubric.error && !rubric.data) return <LoadError error={rubric.error} onRetry={rubric.reload} />;

  return (
    <form className="panel contest-rubric" onSubmit={save} noValidate>
      <div className="panel-head">
        <h2 className="panel-title">{t('contest.rubric.title')}</h2>
        <Button onClick={preset} data-testid="rubric-preset">
          {t('contest.rubric.preset')}
        </Button>
      </div>
      {rubric.data === null ? <Notice>{t('contest.rubric.none')}</Notice> : null}

      <h3 className="subhead">{t('rubric.criteria')}</h3>
      {err('criteria') ? (
        <p className="field-error" role="alert">
          {err('criteria')}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table contest-criteria">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">{t('rubric.criterionName')}</th>
              <th scope="col">{t('rubric.criterionKey')}</th>
              <th scope="col">{t('rubric.criterionMax')}</th>
              <th scope="col">{t('rubric.criterionStep')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('contest.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.criteria.map((c, i) => (
              <tr key={c.rowId} data-testid="criterion-row">
                <td className="num">{i + 1}</td>
                <td>
                  <Cell error={err(`criteria.${i}.name`)}>
                    <input
                      aria-label={t('rubric.criterionName')}
                      value={c.name}
                      onChange={(e) => updateRow(i, { name: e.target.value })}
                      data-testid="criterion-name"
                    />
                  </Cell>
                </td>
                <td>
                  <Cell error={err(`criteria.${i}.key`)}>
                    <input
                      className="contest-input-short"
                      aria-label={t('rubric.criterionKey')}
                      value={c.key}
                      placeholder={keys[i]?.key}
                      onChange={(e) => updateRow(i, { key: e.target.value })}
                    />
                  </Cell>
                </td>
                <td>
                  <Cell error={err(`criteria.${i}.max`)}>
                    <input
                      className="contest-input-short"
                      inputMode="decimal"
                      aria-label={t('rubric.criterionMax')}
                      value={c.max}
                      onChange={(e) => updateRow(i, { max: e.target.value })}
                      data-testid="criterion-max"
                    />
                  </Cell>
                </td>
                <td>
                  <Cell error={err(`criteria.${i}.step`)}>
                    <select
                      aria-label={t('rubric.criterionStep')}
                      value={String(c.step)}
                      onChange={(e) => {
                        const step = criterionSteps.find((s) => String(s) === e.target.value);
                        if (step !== undefined) updateRow(i, { step });
                      }}
                    >
                      {criterionSteps.map((s) => (
                        <option key={s} value={String(s)}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </Cell>
                </td>
                <td className="cell-action">
                  <Button
                    variant="quiet"
                    disabled={form.criteria.length <= 1}
                    onClick={() => update({ criteria: form.criteria.filter((_, j) => j !== i) }, [])}
                  >
                    {t('contest.remove')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="contest-row-actions">
        <Button
          onClick={() => update({ criteria: [...form.criteria, row('', '', '', form.criteria.at(-1)?.step ?? 1)] })}
        >
          {t('contest.rubric.addCriterion')}
        </Button>
        <span className="muted">{t('contest.rubric.totalMax', { total: totalMax(form.criteria) })}</span>
      </div>

      <h3 className="subhead contest-gap">{t('contest.rubric.rules')}</h3>
      <div className="form-grid form-grid-3">
        <Cell label={t('rubric.method')} error={err('aggregation.method')}>
          <select
            value={form.method}
            onChange={(e) => chooseMethod(methodOf(e.target.value) ?? form.method)}
            data-testid="rubric-method"
          >
            {aggregationMethods.map((m) => (
              <option key={m} value={m}>
                {t(methodLabels[m])}
              </option>
            ))}
          </select>
        </Cell>
        <Cell label={t('rubric.dropHighest')} error={err('aggregation.dropHighest')}>
          <input
            inputMode="numeric"
            value={form.dropHighest}
            disabled={!trimmed}
            onChange={(e) => update({ dropHighest: e.target.value }, ['aggregation.dropHighest'])}
          />
        </Cell>
        <Cell label={t('rubric.dropLowest')} error={err('aggregation.dropLowest')}>
          <input
            inputMode="numeric"
            value={form.dropLowest}
            disabled={!trimmed}
            onChange={(e) => update({ dropLowest: e.target.value }, ['aggregation.dropLowest'])}
          />
        </Cell>
        <Cell label={t('rubric.decimals')} error={err('decimals')}>
          <select value={form.decimals} onChange={(e) => update({ decimals: e.target.value }, ['decimals'])}>
            {['0', '1', '2', '3', '4'].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </Cell>
      </div>

      <h3 className="subhead contest-gap">{t('rubric.tieBreak')}</h3>
      <p className="muted">{t('contest.tieBreak.hint')}</p>
      {err('tieBreak') ? (
        <p className="field-error" role="alert">
          {err('tieBreak')}
        </p>
      ) : null}
      <ol className="contest-chain">
        {form.tieBreak.map((rule, i) => (
          <li key={rule}>
            <span className="contest-chain-name">{tieBreakLabel(t, rule, keys)}</span>
            {err(`tieBreak.${i}`) ? <span className="field-error">{err(`tieBreak.${i}`)}</span> : null}
            <Button
              variant="quiet"
              disabled={i === 0}
              onClick={() => update({ tieBreak: move(form.tieBreak, i, -1) })}
              aria-label={t('contest.moveUp')}
            >
              ↑
            </Button>
            <Button
              variant="quiet"
              disabled={i === form.tieBreak.length - 1}
              onClick={() => update({ tieBreak: move(form.tieBreak, i, 1) })}
              aria-label={t('contest.moveDown')}
            >
              ↓
            </Button>
            <Button
              variant="quiet"
              onClick={() => update({ tieBreak: form.tieBreak.filter((r) => r !== rule) }, [`tieBreak.${i}`])}
            >
              {t('contest.remove')}
            </Button>
          </li>
        ))}
      </ol>
      {tieOptions.length ? (
        <div className="field contest-inline-field">
          <select
            aria-label={t('contest.tieBreak.add')}
            value=""
            onChange={(e) => {
              if (e.target.value) update({ tieBreak: [...form.tieBreak, e.target.value] });
            }}
            data-testid="tiebreak-add"
          >
            <option value="">{t('contest.tieBreak.add')}</option>
            {tieOptions.map((r) => (
              <option key={r} value={r}>
                {tieBreakLabel(t, r, keys)}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <h3 className="subhead contest-gap">{t('contest.groups.title')}</h3>
      <p className="muted">{t('contest.groups.hint')}</p>
      {err('groups') ? (
        <p className="field-error" role="alert">
          {err('groups')}
        </p>
      ) : null}
      {form.groups.length ? (
        <div className="contest-groups">
          {form.groups.map((g, i) => (
            <div key={g.rowId} className="contest-group-row" data-testid="group-row">
              <Cell label={t('rubric.groupName')} error={err(`groups.${i}.name`)}>
                <input
                  value={g.name}
                  placeholder={t(i === 0 ? 'contest.groups.example1' : 'contest.groups.example2')}
                  onChange={(e) => updateGroup(i, { name: e.target.value })}
                  data-testid="group-name"
                />
              </Cell>
              <Cell label={t('contest.groups.weight')} error={err(`groups.${i}.weight`)}>
                <input
                  inputMode="decimal"
                  value={g.weight}
                  onChange={(e) => updateGroup(i, { weight: e.target.value })}
                  data-testid="group-weight"
                />
              </Cell>
              <Button
                variant="quiet"
                onClick={() => update({ groups: form.groups.filter((_, j) => j !== i) }, ['groups'])}
              >
                {t('contest.remove')}
              </Button>
            </div>
          ))}
        </div>
      ) : null}
      {form.groups.length < 5 ? (
        <Button
          onClick={() => update({ groups: [...form.groups, groupRow('', '', form.groups.length === 0 ? '70' : '30')] })}
          data-testid="group-add"
        >
          {t('contest.groups.add')}
        </Button>
      ) : null}

      <h3 className="subhead contest-gap">{t('contest.timer.title')}</h3>
      <label className="contest-check">
        <input
          type="checkbox"
          checked={form.timerOn}
          onChange={(e) => update({ timerOn: e.target.checked })}
          data-testid="timer-on"
        />
        {t('contest.timer.enable')}
      </label>
      {form.timerOn ? (
        <div className="form-grid contest-grid-4">
          <Cell label={t('contest.timer.green')} error={err('timer.greenAt')} hint={t('contest.timer.clockHint')}>
            <input
              value={form.greenAt}
              onChange={(e) => update({ greenAt: e.target.value }, ['timer.greenAt'])}
              data-testid="timer-green"
            />
          </Cell>
          <Cell label={t('contest.timer.amber')} error={err('timer.amberAt')}>
            <input
              value={form.amberAt}
              placeholder="6:00"
              onChange={(e) => update({ amberAt: e.target.value }, ['timer.amberAt'])}
              data-testid="timer-amber"
            />
          </Cell>
          <Cell label={t('contest.timer.red')} error={err('timer.redAt')}>
            <input
              value={form.redAt}
              placeholder="7:00"
              onChange={(e) => update({ redAt: e.target.value }, ['timer.redAt'])}
              data-testid="timer-red"
            />
          </Cell>
          <Cell
            label={t('contest.timer.overtime')}
            error={err('timer.overtimeDeductionPerMinute')}
            hint={t('contest.timer.overtimeHint')}
          >
            <input
              inputMode="decimal"
              value={form.overtime}
              onChange={(e) => update({ overtime: e.target.value }, ['timer.overtimeDeductionPerMinute'])}
            />
          </Cell>
        </div>
      ) : null}

      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy} data-testid="rubric-save">
          {t('contest.rubric.save')}
        </Button>
        {dirty ? <span className="muted">{t('contest.unsaved')}</span> : null}
      </div>
    </form>
  );
}

function knownPath(path: string, rows: number): boolean {
  if (/^criteria\.(\d+)\.(key|name|max|step)$/.test(path)) return Number(path.split('.')[1]) < rows;
  return (
    [
      'criteria',
      'aggregation.method',
      'aggregation.dropHighest',
      'aggregation.dropLowest',
      'decimals',
      'tieBreak',
    ].includes(path) ||
    /^tieBreak\.\d+$/.test(path) ||
    /^timer\.(greenAt|amberAt|redAt|overtimeDeductionPerMinute)$/.test(path)
  );
}

function methodOf(value: string): AggregationMethod | undefined {
  return aggregationMethods.find((m) => m === value);
}

function totalMax(criteria: readonly CriterionRow[]): string {
  const sum = criteria.reduce((acc, c) => acc + Math.round((Number(c.max) || 0) * 100), 0);
  return (sum / 100).toString();
}

export function move<T>(list: readonly T[], index: number, by: number): T[] {
  const next = [...list];
  const target = index + by;
  const a = next[index];
  const b = next[target];
  if (a === undefined || b === undefined) return next;
  next[index] = b;
  next[target] = a;
  return next;
}

/** A label-less control (inside a table) or a labelled one, with its error text under it. */
function Cell({
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
