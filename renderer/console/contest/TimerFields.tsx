import { useT } from '../../ui/i18n';
import { Cell } from './RubricCell';
import type { SectionProps } from './RubricSections';

/** 计时: when the speech timer turns amber and red, and the deduction per minute over. */
export function TimerFields({ form, err, update }: SectionProps) {
  const t = useT();
  return (
    <>
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
    </>
  );
}
