// The reflections of an assignment as a workbook (学习心得汇总): one row per reflection, and who has not handed in.
// Pure: the reflections in, .xlsx bytes out.
import type { Reflection } from '../../shared/api/reflections';
import type { Locale } from '../../shared/domain/vocabulary';
import { classTitle, translator, type TrainingEvent } from './training-data';
import { workbookBytes, type Cell } from './xlsx-write';

export interface ReflectionsWorkbookInput {
  event: TrainingEvent;
  assignment: { title: string };
  /** In the order they are listed (by group, then pinyin). */
  reflections: readonly Reflection[];
  /** Trainees who have not handed in, in the same order. */
  missing: ReadonlyArray<{ name: string; organization: string | null; group: string | null; phone: string | null }>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-04 16:20" in the host's time: when a reflection came in, as the organiser reads it. */
export function localStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function reflectionsWorkbook(input: ReflectionsWorkbookInput, locale: Locale): Uint8Array {
  const t = translator(locale);
  const title = classTitle(input.event, locale);
  const caption = (count: number) => t('reflections.xlsx.caption', { assignment: input.assignment.title, count });
  const rows = input.reflections.map((r): Cell[] => [
    r.group ?? '',
    r.name,
    r.organization ?? '',
    r.title,
    r.body,
    r.length,
    r.excellent ? t('reflections.xlsx.excellentYes') : '',
    localStamp(r.updatedAt),
  ]);
  const missing = input.missing.map((p): Cell[] => [p.group ?? '', p.name, p.organization ?? '', p.phone ?? '']);
  return workbookBytes([
    {
      name: t('reflections.xlsx.sheet'),
      title,
      caption: caption(input.reflections.length),
      header: [
        t('reflections.xlsx.col.group'),
        t('reflections.xlsx.col.name'),
        t('reflections.xlsx.col.organization'),
        t('reflections.xlsx.col.title'),
        t('reflections.xlsx.col.body'),
        t('reflections.xlsx.col.length'),
        t('reflections.xlsx.col.excellent'),
        t('reflections.xlsx.col.submittedAt'),
      ],
      rows,
      empty: t('reflections.xlsx.empty'),
    },
    {
      name: t('reflections.xlsx.missingSheet'),
      title,
      caption: t('reflections.xlsx.missingCaption', { assignment: input.assignment.title, count: missing.length }),
      header: [
        t('reflections.xlsx.col.group'),
        t('reflections.xlsx.col.name'),
        t('reflections.xlsx.col.organization'),
        t('reflections.xlsx.col.phone'),
      ],
      rows: missing,
      empty: t('reflections.xlsx.missingEmpty'),
    },
  ]);
}
