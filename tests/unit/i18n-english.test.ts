import { describe, expect, it } from 'vitest';
import { eventKinds } from '../../shared/domain/vocabulary';
import { translate } from '../../shared/i18n';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-CN';

// Han, CJK punctuation (、。「」) and the full-width forms (：（），！？ and full-width digits and letters).
const notEnglish = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Chinese that is the point of an English message: what a Chinese sheet or screen literally holds. */
const chineseOnPurpose: Partial<Record<keyof typeof en, readonly string[]>> = {
  // A language is named in its own words.
  'app.switchLanguage': ['中文'],
  // The words an Excel roster must literally contain.
  'error.import.noHeader': ['姓名'],
  'import.genderInvalid': ['男', '女'],
  // Sample certificate data and the dates a Chinese certificate prints.
  'certificate.sample.name': ['张经天'],
  'certificate.sample.organization': ['陈三居民区'],
  'certificate.sample.award': ['一等奖'],
  'certificates.placeholder.日期': ['2024年7月3日'],
  'certificates.placeholder.起止日期': ['2024年9月9日至13日'],
  // A name typed at the desk: the example is a Chinese name.
  'deskPage.searchPlaceholder': ['刘友红'],
};

/** Words for the chief judge other than 主评委, and English ones other than "chief judge". */
const otherChiefJudge = /总评委|首席评委|裁判长|评委会主任|评委长|主裁判|评审组长|主审/u;
const otherChiefJudgeEn = /head judge|lead judge|presiding judge|chair(?:man|person)? of the judges/iu;

describe('English reads as English', () => {
  it('has no Chinese characters or full-width punctuation in any English message', () => {
    const offenders = Object.entries(en).filter(([key, text]) => {
      const allowed = chineseOnPurpose[key as keyof typeof en] ?? [];
      return notEnglish.test(allowed.reduce((rest, words) => rest.split(words).join(''), text));
    });
    expect(offenders).toEqual([]);
  });

  it('keeps the Chinese it allows where it is still needed', () => {
    for (const [key, words] of Object.entries(chineseOnPurpose))
      for (const word of words) expect(en[key as keyof typeof en], key).toContain(word);
  });

  it('puts a blank between a filled-in value and an English word', () => {
    const glued = Object.entries(en).filter(([, text]) => /[A-Za-z]\{\w+\}|\{\w+\}[A-Za-z]/u.test(text));
    expect(glued).toEqual([]);
  });

  it('sets a Chinese award name apart from the English word next to it', () => {
    expect(translate('en', 'documents.awardTied', { award: '二等奖' })).toBe('二等奖 (tied)');
    expect(translate('zh-CN', 'documents.awardTied', { award: '二等奖' })).toBe('二等奖（并列）');
  });
});

describe('one word for one thing', () => {
  it('calls the chief judge 主评委 in Chinese and "chief judge" in English, nothing else', () => {
    expect(Object.entries(zhCN).filter(([, text]) => otherChiefJudge.test(text))).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => otherChiefJudgeEn.test(text))).toEqual([]);
    expect(Object.values(zhCN).filter((text) => text.includes('主评委')).length).toBeGreaterThan(3);
  });

  it('names the people of a contest 参赛选手 and of a class 学员, never both at once', () => {
    expect(eventKinds.map((kind) => translate('zh-CN', `people.${kind}`))).toEqual(['参赛选手', '学员']);
    expect(translate('zh-CN', 'participant.addTitle.contest')).toContain('参赛选手');
    expect(translate('zh-CN', 'participant.addTitle.training')).toContain('学员');
    expect(translate('zh-CN', 'import.title.contest')).toContain('参赛选手');
    expect(translate('zh-CN', 'import.title.training')).toContain('学员');
    // 人员 is neither; 工作人员 (the staff) is another thing.
    const vague = Object.entries(zhCN).filter(([, text]) => /参赛选手 \/ 学员|(?<!工作)人员/u.test(text));
    expect(vague).toEqual([]);
  });
});
