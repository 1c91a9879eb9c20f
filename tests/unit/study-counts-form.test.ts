import { describe, expect, it } from 'vitest';
import { organizationChoices } from '../../renderer/console/training/schedule';

describe('organizationChoices', () => {
  it('offers the trainees’ units and the districts sessions name, once each, in pinyin order', () => {
    expect(
      organizationChoices(
        [
          { organization: '恒阳居民区' },
          { organization: ' 安丘居民区 ' },
          { organization: null },
          { organization: '' },
        ],
        [{ organization: '长阳居民区' }, { organization: '恒阳居民区' }, {}, { organization: null }],
      ),
    ).toEqual(['安丘居民区', '长阳居民区', '恒阳居民区']);
  });

  it('offers nothing when nobody names one', () => {
    expect(organizationChoices([{ organization: null }], [])).toEqual([]);
  });
});
