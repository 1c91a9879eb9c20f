import type { PerformanceStatus } from '../../shared/domain/performance';
import { useT } from './i18n';

/** A speaker's status as a small coloured label (waiting, speaking, scoring, locked, revealed). */
export function StatusChip({ status }: { status: PerformanceStatus }) {
  const t = useT();
  return (
    <span className={`contest-chip contest-chip-${status}`} data-testid="status-chip" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
