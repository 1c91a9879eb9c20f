// The certificate register as a sheet: who, which award, number, date. The certificates' own
// register export and the Excel summary's 证书登记 sheet are this one table.
import type { RegisterRow } from '../../shared/api/certificates';
import { formatDate } from '../../shared/domain/dates';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate } from '../../shared/i18n';
import type { Table } from './xlsx-write';

export function registerTable(
  rows: readonly RegisterRow[],
  locale: Locale,
  sheet: Pick<Table, 'name' | 'title' | 'caption' | 'empty'>,
): Table {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return {
    ...sheet,
    header: [
      t('certificate.col.number'),
      t('certificate.col.name'),
      t('certificate.col.organization'),
      t('certificate.col.award'),
      t('certificate.col.kind'),
      t('certificate.col.issuedOn'),
    ],
    rows: rows.map((r) => [
      r.number,
      r.name,
      r.organization,
      r.award,
      t(`certificate.kind.${r.kind}`),
      formatDate(r.issuedOn, locale),
    ]),
  };
}
