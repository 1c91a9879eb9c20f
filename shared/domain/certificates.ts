// Certificates in the event's own words: the two kinds, the placeholders an organiser
// writes into the wording, stable numbers, and the two built-in templates.
// (The default number prefix, from the title's pinyin, is in ./names.)
export const certificateKinds = ['award', 'completion'] as const;
export type CertificateKind = (typeof certificateKinds)[number];

/** Pictures a template may have: the scan of pre-printed paper (preview only) and a seal. */
export const certificateImageRoles = ['background', 'seal'] as const;
export type CertificateImageRole = (typeof certificateImageRoles)[number];

export const fieldAlignments = ['left', 'center', 'right', 'justify'] as const;
export type FieldAlignment = (typeof fieldAlignments)[number];
export const fieldVerticalAlignments = ['top', 'middle', 'bottom'] as const;
export const fieldFonts = ['serif', 'sans'] as const;
export const certificateFrames = ['none', 'classic'] as const;

/**
 * What the organiser may write into a certificate's wording, in braces: {姓名}. The names are
 * Chinese because that is what the organiser reads and types; the console lists them.
 */
export const placeholders = ['姓名', '单位', '组别', '奖项', '活动', '主办单位', '日期', '起止日期', '编号'] as const;
export type Placeholder = (typeof placeholders)[number];
export type PlaceholderValues = Record<Placeholder, string>;

function isPlaceholder(name: string): name is Placeholder {
  return placeholders.some((p) => p === name);
}

const braces = /\{([^{}\n]*)\}/g;

/** Placeholders in `text` that Podium does not know, each once, in the order written. */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const [, name = ''] of text.matchAll(braces))
    if (!isPlaceholder(name) && !unknown.includes(name)) unknown.push(name);
  return unknown;
}

/**
 * The wording with every placeholder filled in. An empty value also takes the spaces written
 * after it, so "{单位}\u3000{姓名}" reads "张经天" for someone without an organisation.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{([^{}\n]*)\}([ \u3000]*)/g, (whole, name: string, gap: string) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name];
    return value === '' ? '' : value + gap;
  });
}

/** JP2024-001: the prefix, the year of the event, the sequence (at least three digits). */
export function certificateNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}${year}-${String(sequence).padStart(3, '0')}`;
}

export const prefixPattern = /^[A-Z0-9]{0,8}$/;

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
export const ptToMm = (pt: number) => (pt * 25.4) / 72;

/** The printed border for plain paper ('classic'): a heavy outer and a fine inner rule, inset in mm, widths in pt. */
export const classicFrame = {
  color: '#b3141c',
  rules: [
    { inset: 8, lineWidth: 3 },
    { inset: 11, lineWidth: 0.8 },
  ],
} as const;

export interface PageSetup {
  size: 'A4' | 'custom';
  orientation: 'landscape' | 'portrait';
  /** Used when size is custom. */
  widthMm: number;
  heightMm: number;
}

/** The page's width and height in mm. */
export function pageMm(page: PageSetup): { width: number; height: number } {
  if (page.size === 'custom') return { width: page.widthMm, height: page.heightMm };
  return page.orientation === 'landscape' ? { width: 297, height: 210 } : { width: 210, height: 297 };
}

export interface CertificateField {
  /** Stable name of the field in the template, e.g. "body". */
  key: string;
  /** What the organiser calls it in the editor. */
  label: string;
  text: string;
  /** The box, in mm from the page's top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Largest size in pt; the text shrinks below it when it would not fit the box. */
  fontSize: number;
  font: (typeof fieldFonts)[number];
  bold: boolean;
  align: FieldAlignment;
  valign: (typeof fieldVerticalAlignments)[number];
  /** Distance between lines, as a multiple of the font size. */
  lineHeight: number;
  /** Extra space after each character, in pt. */
  letterSpacing: number;
  color: string;
}

export interface CertificateTemplate {
  page: PageSetup;
  /** A printed border for plain paper; none for pre-printed paper. */
  frame: (typeof certificateFrames)[number];
  fields: CertificateField[];
  /** Where the seal image goes (when one is uploaded), in mm. */
  seal: { x: number; y: number; width: number };
  /** JP in JP2024-001; empty means the default from the event title. */
  numberPrefix: string;
  /** The date printed as {日期} (YYYY-MM-DD); null means the event's last day. */
  date: string | null;
}

const red = '#b3141c';
const ink = '#1f1f1f';
const grey = '#555555';

function field(
  key: string,
  label: string,
  text: string,
  box: Partial<CertificateField> & Pick<CertificateField, 'x' | 'y' | 'width' | 'height' | 'fontSize'>,
): CertificateField {
  return {
    key,
    label,
    text,
    font: 'serif',
    bold: false,
    align: 'left',
    valign: 'middle',
    lineHeight: 1.5,
    letterSpacing: 0,
    color: ink,
    ...box,
  };
}

/** Shared by both built-ins: title, addressee, wording, organiser, date, number (A4 landscape). */
function builtIn(title: string, body: string): CertificateTemplate {
  return {
    page: { size: 'A4', orientation: 'landscape', widthMm: 297, heightMm: 210 },
    frame: 'classic',
    fields: [
      field('title', '标题', title, {
        x: 30,
        y: 26,
        width: 237,
        height: 26,
        fontSize: 46,
        bold: true,
        align: 'center',
        letterSpacing: 18,
        color: red,
      }),
      field('recipient', '称呼', '{单位}　{姓名}　同志：', { x: 40, y: 66, width: 217, height: 14, fontSize: 24 }),
      field('body', '正文', body, {
        x: 40,
        y: 84,
        width: 217,
        height: 50,
        fontSize: 22,
        align: 'justify',
        valign: 'top',
        lineHeight: 1.8,
      }),
      field('organizer', '落款', '{主办单位}', {
        x: 160,
        y: 142,
        width: 100,
        height: 12,
        fontSize: 20,
        align: 'center',
      }),
      field('date', '日期', '{日期}', { x: 160, y: 155, width: 100, height: 10, fontSize: 18, align: 'center' }),
      field('number', '编号', '证书编号：{编号}', {
        x: 30,
        y: 181,
        width: 110,
        height: 8,
        fontSize: 10,
        font: 'sans',
        color: grey,
      }),
    ],
    seal: { x: 190, y: 132, width: 40 },
    numberPrefix: '',
    date: null,
  };
}

/** 荣誉证书 and 结业证书 as Podium ships them; the organiser edits the wording in the console. */
export const builtInTemplates: Record<CertificateKind, CertificateTemplate> = {
  award: builtIn('荣誉证书', '　　在{活动}中荣获{奖项}。特发此证。'),
  completion: builtIn('结业证书', '　　于{起止日期}参加{活动}学习，完成全部课程，准予结业。'),
};
