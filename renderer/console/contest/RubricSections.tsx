import { useState } from 'react';
import { aggregationMethods, criterionSteps } from '../../../shared/domain/scoring';
import { Button } from '../../ui/Button';
import { useT } from '../../ui/i18n';
import {
  addCriterion,
  addGroup,
  chooseMethod,
  methodOf,
  move,
  tieBreakLabel,
  tieOptions,
  totalMax,
  withKeys,
  type CriterionRow,
  type GroupRow,
  type RubricForm,
} from './rubricForm';
import { Cell } from './RubricCell';

/** What every part of the rubric form gets: the form, its messages by path, and the one way to change it. */
export interface SectionProps {
  form: RubricForm;
  err: (path: string) => string | undefined;
  /** Applies a change and clears the messages of the paths it fixes. */
  update: (change: Partial<RubricForm>, clear?: string[]) => void;
  /** A speaker is locked: what changes results is read-only (names and the timer are not). */
  frozen: boolean;
}

const methodLabels = {
  mean: 'contest.method.mean',
  'trimmed-mean': 'contest.method.trimmed-mean',
  median: 'contest.method.median',
  sum: 'contest.method.sum',
  'trimmed-sum': 'contest.method.trimmed-sum',
} as const;

function SectionError({ text }: { text: string | undefined }) {
  return text ? (
    <p className="field-error" role="alert">
      {text}
    </p>
  ) : null;
}

/** 评分项: name, maximum and step of each criterion; the code (made automatically) only under 高级. */
export function CriteriaTable({ form, err, update, frozen }: SectionProps) {
  const t = useT();
  const keys = withKeys(form.criteria, 'c');
  const [advanced, setAdvanced] = useState(false);
  // A code the host refused is shown, whatever the disclosure says.
  const showKeys = advanced || form.criteria.some((_, i) => err(`criteria.${i}.key`));
  const updateRow = (index: number, change: Partial<CriterionRow>) =>
    update(
      { criteria: form.criteria.map((c, i) => (i === index ? { ...c, ...change } : c)) },
      Object.keys(change).map((k) => `criteria.${index}.${k}`),
    );
  return (
    <>
      <h3 className="subhead">{t('rubric.criteria')}</h3>
      <SectionError text={err('criteria')} />
      <div className="table-wrap">
        <table className="table contest-criteria">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">{t('rubric.criterionName')}</th>
              {showKeys ? <th scope="col">{t('rubric.criterionKey')}</th> : null}
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
                {showKeys ? (
                  <td>
                    <Cell error={err(`criteria.${i}.key`)}>
                      <input
                        className="contest-input-short"
                        aria-label={t('rubric.criterionKey')}
                        value={c.key}
                        placeholder={keys[i]?.key}
                        disabled={frozen}
                        onChange={(e) => updateRow(i, { key: e.target.value })}
                        data-testid="criterion-key"
                      />
                    </Cell>
                  </td>
                ) : null}
                <td>
                  <Cell error={err(`criteria.${i}.max`)}>
                    <input
                      className="contest-input-short"
                      inputMode="decimal"
                      aria-label={t('rubric.criterionMax')}
                      value={c.max}
                      disabled={frozen}
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
                      disabled={frozen}
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
                    disabled={frozen || form.criteria.length <= 1}
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
        <Button onClick={() => update(addCriterion(form))} disabled={frozen}>
          {t('contest.rubric.addCriterion')}
        </Button>
        <span className="muted">{t('contest.rubric.totalMax', { total: totalMax(form.criteria) })}</span>
        <Button
          variant="quiet"
          className="rules-advanced"
          aria-expanded={showKeys}
          onClick={() => setAdvanced((a) => !a)}
          data-testid="rubric-advanced"
        >
          {t('rules.advanced')} {showKeys ? '▴' : '▾'}
        </Button>
      </div>
      {showKeys ? <p className="muted">{t('rules.advanced.hint')}</p> : null}
    </>
  );
}

/** 计分规则: how judges' totals are combined, and to how many decimals. */
export function RulesFields({ form, err, update, frozen }: SectionProps) {
  const t = useT();
  const trimmed = form.method === 'trimmed-mean' || form.method === 'trimmed-sum';
  return (
    <>
      <h3 className="subhead contest-gap">{t('contest.rubric.rules')}</h3>
      <div className="form-grid form-grid-3">
        <Cell label={t('rubric.method')} error={err('aggregation.method')}>
          <select
            value={form.method}
            disabled={frozen}
            onChange={(e) =>
              update(chooseMethod(form, methodOf(e.target.value) ?? form.method), [
                'aggregation.method',
                'aggregation.dropHighest',
                'aggregation.dropLowest',
              ])
            }
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
            disabled={frozen || !trimmed}
            onChange={(e) => update({ dropHighest: e.target.value }, ['aggregation.dropHighest'])}
          />
        </Cell>
        <Cell label={t('rubric.dropLowest')} error={err('aggregation.dropLowest')}>
          <input
            inputMode="numeric"
            value={form.dropLowest}
            disabled={frozen || !trimmed}
            onChange={(e) => update({ dropLowest: e.target.value }, ['aggregation.dropLowest'])}
          />
        </Cell>
        <Cell label={t('rubric.decimals')} error={err('decimals')}>
          <select
            value={form.decimals}
            disabled={frozen}
            onChange={(e) => update({ decimals: e.target.value }, ['decimals'])}
            data-testid="rubric-decimals"
          >
            {['0', '1', '2', '3', '4'].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </Cell>
      </div>
    </>
  );
}

/** 并列名次: the chain of tie-break rules, in order. */
export function TieBreakChain({ form, err, update, frozen }: SectionProps) {
  const t = useT();
  const keys = withKeys(form.criteria, 'c');
  const options = tieOptions(form);
  return (
    <>
      <h3 className="subhead contest-gap">{t('rubric.tieBreak')}</h3>
      <p className="muted">{t('contest.tieBreak.hint')}</p>
      <SectionError text={err('tieBreak')} />
      <ol className="contest-chain">
        {form.tieBreak.map((rule, i) => (
          <li key={rule}>
            <span className="contest-chain-name">{tieBreakLabel(t, rule, keys)}</span>
            {err(`tieBreak.${i}`) ? <span className="field-error">{err(`tieBreak.${i}`)}</span> : null}
            <Button
              variant="quiet"
              disabled={frozen || i === 0}
              onClick={() => update({ tieBreak: move(form.tieBreak, i, -1) })}
              aria-label={t('contest.moveUp')}
            >
              ↑
            </Button>
            <Button
              variant="quiet"
              disabled={frozen || i === form.tieBreak.length - 1}
              onClick={() => update({ tieBreak: move(form.tieBreak, i, 1) })}
              aria-label={t('contest.moveDown')}
            >
              ↓
            </Button>
            <Button
              variant="quiet"
              disabled={frozen}
              onClick={() => update({ tieBreak: form.tieBreak.filter((r) => r !== rule) }, [`tieBreak.${i}`])}
            >
              {t('contest.remove')}
            </Button>
          </li>
        ))}
      </ol>
      {options.length && !frozen ? (
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
            {options.map((r) => (
              <option key={r} value={r}>
                {tieBreakLabel(t, r, keys)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

/** 评委分组: weighted judge groups (专业评委 70% + 大众评委 30%), at most five. */
export function GroupRows({ form, err, update, frozen }: SectionProps) {
  const t = useT();
  const updateGroup = (index: number, change: Partial<GroupRow>) =>
    update(
      { groups: form.groups.map((g, i) => (i === index ? { ...g, ...change } : g)) },
      Object.keys(change).map((k) => `groups.${index}.${k}`),
    );
  return (
    <>
      <h3 className="subhead contest-gap">{t('contest.groups.title')}</h3>
      <p className="muted">{t('contest.groups.hint')}</p>
      <SectionError text={err('groups')} />
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
                  disabled={frozen}
                  onChange={(e) => updateGroup(i, { weight: e.target.value })}
                  data-testid="group-weight"
                />
              </Cell>
              <Button
                variant="quiet"
                disabled={frozen}
                onClick={() => update({ groups: form.groups.filter((_, j) => j !== i) }, ['groups'])}
              >
                {t('contest.remove')}
              </Button>
            </div>
          ))}
        </div>
      ) : null}
      {form.groups.length < 5 && !frozen ? (
        <Button onClick={() => update(addGroup(form))} data-testid="group-add">
          {t('contest.groups.add')}
        </Button>
      ) : null}
    </>
  );
}
