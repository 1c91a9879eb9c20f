import { z } from 'zod';
import {
  type CertificateKind,
  certificateFrames,
  certificateImageRoles,
  certificateKinds,
  fieldAlignments,
  fieldFonts,
  fieldVerticalAlignments,
  placeholders,
  prefixPattern,
} from '../domain/certificates';
import { formatDateRange } from '../domain/dates';
import type { Locale } from '../domain/vocabulary';
import { translate } from '../i18n';
import { idParam, isoDate, labelled } from './fields';
import { fileSafe } from './documents';

const mm = (label: Parameters<typeof labelled>[1], min: number, max: number) =>
  labelled(z.number().min(min).max(max), label);

export const CertificateField = z.strictObject({
  key: labelled(
    z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{0,29}$/, { message: 'key' }),
    'certificate.field.key',
  ),
  label: labelled(z.string().trim().max(20), 'certificate.field.label'),
  text: labelled(z.string().max(500), 'certificate.field.text'),
  x: mm('certificate.field.x', -50, 1000),
  y: mm('certificate.field.y', -50, 1000),
  width: mm('certificate.field.width', 1, 1000),
  height: mm('certificate.field.height', 1, 1000),
  fontSize: labelled(z.number().min(4).max(200), 'certificate.field.fontSize'),
  font: labelled(z.enum(fieldFonts), 'certificate.field.font'),
  bold: z.boolean(),
  align: labelled(z.enum(fieldAlignments), 'certificate.field.align'),
  valign: labelled(z.enum(fieldVerticalAlignments), 'certificate.field.valign'),
  lineHeight: labelled(z.number().min(1).max(4), 'certificate.field.lineHeight'),
  letterSpacing: labelled(z.number().min(0).max(100), 'certificate.field.letterSpacing'),
  color: labelled(z.string().regex(/^#[0-9a-fA-F]{6}$/), 'certificate.field.color'),
});

export const PageSetup = z.strictObject({
  size: labelled(z.enum(['A4', 'custom']), 'certificate.page.size'),
  orientation: labelled(z.enum(['landscape', 'portrait']), 'certificate.page.orientation'),
  widthMm: mm('certificate.page.width', 50, 1000),
  heightMm: mm('certificate.page.height', 50, 1000),
});

export const CertificateTemplate = z.strictObject({
  page: PageSetup,
  frame: labelled(z.enum(certificateFrames), 'certificate.frame'),
  fields: labelled(z.array(CertificateField).max(20), 'certificate.fields'),
  seal: z.strictObject({
    x: mm('certificate.seal.x', -50, 1000),
    y: mm('certificate.seal.y', -50, 1000),
    width: mm('certificate.seal.width', 5, 300),
  }),
  numberPrefix: labelled(z.string().trim().toUpperCase().regex(prefixPattern), 'certificate.numberPrefix'),
  date: isoDate('certificate.date').nullable(),
});
export type CertificateTemplateInput = z.input<typeof CertificateTemplate>;

/** Raw picture bytes (PNG or JPEG); anything else arrives empty and is refused as not an image. */
export const ImageUpload = z.unknown().transform((value) => (value instanceof Uint8Array ? value : new Uint8Array(0)));

export const CertificateKindParams = z.strictObject({ id: idParam, kind: z.enum(certificateKinds) });
export const CertificateImageParams = z.strictObject({
  id: idParam,
  kind: z.enum(certificateKinds),
  role: z.enum(certificateImageRoles),
});

/** A template as the console edits it, with what it needs around it. */
export const CertificateTemplateState = z.object({
  kind: z.enum(certificateKinds),
  template: CertificateTemplate,
  /** The template Podium ships, for 恢复默认. */
  builtIn: CertificateTemplate,
  /** The prefix used when the template leaves it empty. */
  defaultPrefix: z.string(),
  images: z.object({ background: z.boolean(), seal: z.boolean() }),
  placeholders: z.array(z.enum(placeholders)),
});
export type CertificateTemplateState = z.infer<typeof CertificateTemplateState>;

export const PrinterOffset = z.strictObject({
  x: labelled(z.number().min(-30).max(30), 'certificate.offset.x'),
  y: labelled(z.number().min(-30).max(30), 'certificate.offset.y'),
});
export type PrinterOffset = z.infer<typeof PrinterOffset>;

export const CertificatesQuery = z.strictObject({
  kind: labelled(z.enum(certificateKinds), 'certificate.kind'),
  participantId: idParam.optional(),
  /** `reprint`: only the certificates whose person was renamed after they were printed (需重印). */
  only: labelled(z.enum(['reprint']), 'editing.onlyField').optional(),
});
export const CalibrationQuery = z.strictObject({ kind: z.enum(certificateKinds).optional() });

/** One line of a laid-out field, in mm from the page's top-left corner (the printer offset not applied). */
export const LaidOutLine = z.object({
  text: z.string(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  characterSpacing: z.number(),
});
export const LaidOutField = z.object({
  key: z.string(),
  label: z.string(),
  fontSize: z.number(),
  /** The size the template asked for; smaller `fontSize` means the text was shrunk to fit. */
  requestedSize: z.number(),
  shrunk: z.boolean(),
  /** Even the smallest size does not fit the box (a box too small for its text). */
  overflow: z.boolean(),
  /** Height of one line in mm (the font's own line box), and from a line's top to its baseline. */
  lineBox: z.number(),
  ascent: z.number(),
  lines: z.array(LaidOutLine),
});
export type LaidOutField = z.infer<typeof LaidOutField>;

/** Page 1 as it will print: the console draws it to scale over the background. */
export const CertificatePreview = z.object({
  page: z.object({ width: z.number(), height: z.number() }),
  fields: z.array(LaidOutField),
  /** Placeholders the wording uses that Podium does not know (the PDF is refused until they are fixed). */
  unknownPlaceholders: z.array(z.object({ field: z.string(), name: z.string() })),
  /** Whose certificate this is; null when nobody has one yet and sample data is shown. */
  participantId: z.number().int().nullable(),
});
export type CertificatePreview = z.infer<typeof CertificatePreview>;
export const PreviewInput = z.strictObject({ template: CertificateTemplate });

/** Who gets a certificate of a kind, in print order; `number` once one was issued. */
export const CertificateRecipient = z.object({
  participantId: z.number().int(),
  name: z.string(),
  organization: z.string().nullable(),
  award: z.string().nullable(),
  tiedAward: z.boolean(),
  number: z.string().nullable(),
  /** Printed before the person's name, organisation or award changed: 需重印 until printed again. */
  reprint: z.boolean(),
});
export const CertificateRecipients = z.object({
  kind: z.enum(certificateKinds),
  /** Why the batch cannot be printed yet (a sentence), or null when it can. */
  blocked: z.string().nullable(),
  recipients: z.array(CertificateRecipient),
});
export type CertificateRecipients = z.infer<typeof CertificateRecipients>;

export const RegisterRow = z.object({
  number: z.string(),
  name: z.string(),
  organization: z.string().nullable(),
  award: z.string().nullable(),
  kind: z.enum(certificateKinds),
  issuedOn: z.string(),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

export type CertificateFile =
  { file: 'pdf'; kind: CertificateKind; name?: string } | { file: 'register' } | { file: 'calibration' };

/**
 * The name a certificate file is saved under, with the event's title and dates:
 * "江浦路街道…演讲比赛-荣誉证书-2024年7月3日.pdf". The host and the console both use it.
 */
export function certificateFileName(
  locale: Locale,
  event: { title: string; startsOn: string; endsOn?: string | null },
  what: CertificateFile,
): string {
  const params = { title: fileSafe(event.title), date: formatDateRange(event.startsOn, event.endsOn, locale) };
  switch (what.file) {
    case 'pdf': {
      const kind = translate(locale, `certificate.kind.${what.kind}`);
      return what.name === undefined
        ? translate(locale, 'certificate.fileName', { ...params, kind })
        : translate(locale, 'certificate.fileNameOne', { ...params, kind, name: fileSafe(what.name) });
    }
    case 'register':
      return translate(locale, 'certificate.registerFileName', params);
    case 'calibration':
      return translate(locale, 'certificate.calibrationFileName', params);
  }
}
