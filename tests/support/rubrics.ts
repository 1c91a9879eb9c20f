/** The usual speech-contest rubric (内容 40, 表达 30, 形象 20, 时间 10) in half points, dropping the highest and lowest. */
export const speechRubric = {
  criteria: [
    { key: 'content', name: '内容', max: 40, step: 0.5 },
    { key: 'delivery', name: '表达', max: 30, step: 0.5 },
    { key: 'image', name: '形象', max: 20, step: 0.5 },
    { key: 'time', name: '时间', max: 10, step: 0.5 },
  ],
  aggregation: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 },
  decimals: 2,
  tieBreak: [],
};
