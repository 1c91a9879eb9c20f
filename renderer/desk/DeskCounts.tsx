import type { AttendanceCounts } from '../../shared/api/training';
import { useT } from '../ui/i18n';
import { attendedCount } from './deskState';

/** 应到 / 实到 / 迟到 / 请假 of the session, large enough to read from the queue. */
export function DeskCounts({ counts }: { counts: AttendanceCounts }) {
  const t = useT();
  const items = [
    { key: 'expected', label: t('deskPage.expected'), value: counts.expected },
    { key: 'present', label: t('deskPage.present'), value: attendedCount(counts) },
    { key: 'late', label: t('deskPage.late'), value: counts.late },
    { key: 'leave', label: t('deskPage.leave'), value: counts.leave },
  ] as const;
  return (
    <dl className="desk-counts" data-testid="desk-counts">
      {items.map((item) => (
        <div key={item.key} className={`desk-count desk-count-${item.key}`}>
          <dt>{item.label}</dt>
          <dd data-testid={`desk-count-${item.key}`}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
