import { useMemo } from 'react';
import { formatHundredths, parseHundredths } from '../../shared/domain/decimal';
import { useT } from '../ui/i18n';
import { clock } from './clock';
import type { PendingScore } from './pendingScores';
import type { MyScore } from './types';
import type { Statuses } from './useScoreQueue';
import './History.css';

/** The judge's own scores so far, to keep a steady measure; sheets still waiting for the host show as such. */
export function History({
  myScores,
  statuses,
  waiting,
}: {
  myScores: readonly MyScore[];
  statuses: Statuses;
  waiting: readonly PendingScore[];
}) {
  const t = useT();
  const rows = useMemo(() => {
    const byId = new Map<
      number,
      {
        participantId: number;
        order: number | null;
        name: string;
        total: string;
        savedAt: string | null;
        pending: boolean;
      }
    >();
    for (const s of myScores)
      byId.set(s.participantId, {
        participantId: s.participantId,
        order: s.order,
        name: s.name,
        total: s.total,
        savedAt: s.savedAt,
        pending: false,
      });
    for (const entry of waiting) {
      const known = byId.get(entry.participantId);
      const total = Object.values(entry.scores).reduce((sum, v) => {
        const parsed = parseHundredths(v);
        return parsed.ok ? sum + parsed.hundredths : sum;
      }, 0);
      byId.set(entry.participantId, {
        participantId: entry.participantId,
        order: known?.order ?? entry.speaker?.order ?? null,
        name: known?.name ?? entry.speaker?.name ?? t('judgePage.speakerUnknown', { id: entry.participantId }),
        total: formatHundredths(total),
        savedAt: known?.savedAt ?? null,
        pending: statuses.get(entry.participantId)?.state === 'pending',
      });
    }
    return [...byId.values()].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
  }, [myScores, statuses, waiting, t]);

  return (
    <section className="card judge-history" aria-labelledby="judge-history-title">
      <h2 className="panel-title" id="judge-history-title">
        {t('judgePage.history')}
      </h2>
      <p className="muted judge-history-help">{t('judgePage.historyHelp')}</p>
      {rows.length === 0 ? (
        <p className="muted judge-history-empty">{t('judgePage.historyEmpty')}</p>
      ) : (
        <table className="judge-history-table">
          <thead>
            <tr>
              <th scope="col">{t('judgePage.historyOrder')}</th>
              <th scope="col">{t('judgePage.historyName')}</th>
              <th scope="col" className="num">
                {t('judgePage.historyTotal')}
              </th>
              <th scope="col">{t('judgePage.historySaved')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.participantId}
                data-testid="judge-history-row"
                data-state={row.pending ? 'pending' : 'saved'}
              >
                <td>{row.order ?? '—'}</td>
                <td className="judge-history-name">{row.name}</td>
                <td className="num strong">{row.total}</td>
                <td className={row.pending ? 'judge-history-pending' : 'muted'}>
                  {row.pending ? t('judgePage.pending') : row.savedAt ? clock(row.savedAt) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
