// The class report (结班材料) as one workbook: the cover and each of the PDF's tables on a sheet of its own.
import type { Locale } from '../../shared/domain/vocabulary';
import { classReportTables, type ClassReportInput, type ReportCell } from './class-report';
import { translator } from './training-data';
import { workbookBytes, type Cell, type Table } from './xlsx-write';

const toCell = (cell: ReportCell): Cell =>
  cell !== null && typeof cell === 'object' ? { value: cell.value, format: cell.format } : cell;

export function classReportWorkbook(input: ClassReportInput, locale: Locale): Uint8Array {
  const t = translator(locale);
  const report = classReportTables(input, locale);
  const cover: Table = {
    name: t('classReport.sheet.cover'),
    title: report.title,
    caption: t('classReport.caption', { section: t('classReport.title'), date: report.dates }),
    header: [t('classReport.col.field'), t('classReport.col.value')],
    rows: report.cover,
  };
  return workbookBytes([
    cover,
    ...report.tables.map((table): Table => ({
      name: table.sheet,
      title: report.title,
      caption: t('classReport.caption', { section: table.title, date: report.dates }),
      header: table.header,
      rows: table.rows.map((row) => row.map(toCell)),
      empty: table.empty,
    })),
  ]);
}
