import type { ParticipantCreate } from '../../shared/api/events';

/** A national class's provinces and how many each sends: 180 in all, of very uneven size. */
export const nationalProvinces: readonly [string, number][] = [
  ['江苏', 40],
  ['浙江', 30],
  ['上海', 25],
  ['安徽', 20],
  ['山东', 18],
  ['福建', 15],
  ['江西', 12],
  ['湖北', 10],
  ['湖南', 6],
  ['河南', 4],
];

const surnames = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高';
const given = '伟芳娜敏静丽强磊军洋';
const numerals = '一二三四五六七八九';

/**
 * The 180 trainees of a national class as the roster gives them: three units per province (the first the
 * largest), a woman in three, distinct names and phones 1390000NNNN.
 */
export function nationalClassTrainees(): ParticipantCreate[] {
  const people: ParticipantCreate[] = [];
  let n = 0;
  for (const [region, count] of nationalProvinces) {
    for (let i = 0; i < count; i++, n++) {
      people.push({
        name: `${surnames[n % 20] ?? ''}${given[Math.floor(n / 20) % 10] ?? ''}${numerals[n % 9] ?? ''}`,
        region,
        organization: `${region}省${i % 5 < 3 ? '委组织部' : i % 5 === 3 ? '民政厅' : '委党校'}`,
        gender: i % 3 === 0 ? 'female' : 'male',
        phone: `1390000${String(1000 + n)}`,
      });
    }
  }
  return people;
}
