import type { RubricInput } from '../../shared/api/contest';
import type { Criterion, CriterionStep } from '../../shared/domain/scoring';

type SpeechKey = 'content' | 'delivery' | 'image' | 'time';

export interface SpeechCriteriaChange {
  /** The step of every criterion, unless `steps` names it. */
  step?: CriterionStep;
  steps?: Partial<Record<SpeechKey, CriterionStep>>;
  names?: Partial<Record<SpeechKey, string>>;
}

/** The four lines of a speech contest: 内容 40, 表达 30, 形象 20, 时间 10, in half points unless changed. */
export function speechCriteria({ step = 0.5, steps = {}, names = {} }: SpeechCriteriaChange = {}): Criterion[] {
  const lines: Array<[SpeechKey, string, number]> = [
    ['content', '内容', 40],
    ['delivery', '表达', 30],
    ['image', '形象', 20],
    ['time', '时间', 10],
  ];
  return lines.map(([key, name, max]) => ({ key, name: names[key] ?? name, max, step: steps[key] ?? step }));
}

/** The usual speech-contest rubric, dropping the highest and lowest; `change` varies the criteria or the rules. */
export function speechRubricWith(change: SpeechCriteriaChange & Partial<RubricInput> = {}): RubricInput {
  const { step, steps, names, ...rules } = change;
  return {
    criteria: speechCriteria({ step, steps, names }),
    aggregation: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 },
    decimals: 2,
    tieBreak: [],
    ...rules,
  };
}

/** The usual speech-contest rubric (内容 40, 表达 30, 形象 20, 时间 10) in half points, dropping the highest and lowest. */
export const speechRubric = speechRubricWith();

/** One criterion, so a judge's sheet is just their total; the panel's mean is the final. */
export function totalRubric(criterion: Partial<Criterion> = {}, rules: Partial<RubricInput> = {}): RubricInput {
  return {
    criteria: [{ key: 'total', name: '总分', max: 100, step: 0.1, ...criterion }],
    aggregation: { method: 'mean', dropHighest: 0, dropLowest: 0 },
    decimals: 2,
    ...rules,
  };
}
