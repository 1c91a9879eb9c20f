import { useQuery } from '@tanstack/react-query';
import { monthLabel, studyCountsFileName } from '../../../shared/api/class-report';
import type { Event } from '../../../shared/api/events';
import type { ApiClient } from '../../api/client';
import { retry } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { useSaveFile } from '../useSaveFile';

/** 学习讨论统计: sessions held and attendances per organisation (居民区) and month, and its Excel export. */
export function StudyCountsPanel({ api, eventId, event }: { api: ApiClient; eventId: number; event: Event }) {
  const t = useT();
  const { locale } = useLocale();
  const action = useAction();
  const saveFile = useSaveFile();
  const counts = useQuery({
    queryKey: ['event', eventId, 'study-counts'],
    queryFn: () => api.call('studyCounts', { params: { id: String(eventId) } }),
  });

  const body = () => {
    if (counts.error && !counts.data) return <LoadError error={counts.error} onRetry={retry(counts)} />;
    if (!counts.data) return <p className="muted">{t('app.loading')}</p>;
    const { months, rows } = counts.data;
    if (rows.length === 0) return <Empty>{t('studyCounts.empty')}</Empty>;
    const cell = (c: { sessions: number; attended: number } | undefined) =>
      t('studyCounts.cell', { sessions: c?.sessions ?? 0, attended: c?.attended ?? 0 });
    return (
      <>
        <p data-testid="study-counts-headline">
          <strong>{t('studyCounts.headline', { count: counts.data.sessions })}</strong>
        </p>
        <div className="table-wrap">
          <table className="table" data-testid="study-counts-table">
            <thead>
              <tr>
                <th scope="col">{t('studyCounts.col.organization')}</th>
                {months.map((month) => (
                  <th scope="col" className="num" key={month}>
                    {monthLabel(month, t)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('studyCounts.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.organization ?? ''}>
                  <th scope="row">{row.organization ?? t('studyCounts.unspecified')}</th>
                  {months.map((month) => (
                    <td className="num" key={month}>
                      {cell(row.months[month])}
                    </td>
                  ))}
                  <td className="num">{cell(row)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('studyCounts.total')}</th>
                {months.map((month) => (
                  <td className="num" key={month}>
                    {cell({
                      sessions: rows.reduce((n, r) => n + (r.months[month]?.sessions ?? 0), 0),
                      attended: rows.reduce((n, r) => n + (r.months[month]?.attended ?? 0), 0),
                    })}
                  </td>
                ))}
                <td className="num">{cell(counts.data)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </>
    );
  };

  return (
    <section className="panel" data-testid="study-counts">
      <div className="panel-head">
        <h2 className="panel-title">{t('studyCounts.title')}</h2>
        <Button
          busy={action.busy === 'studyCountsXlsx'}
          disabled={action.busy !== null && action.busy !== 'studyCountsXlsx'}
          onClick={() =>
            action.run('studyCountsXlsx', async () =>
              saveFile(
                studyCountsFileName(t, locale, event),
                await api.call('studyCountsXlsx', { params: { id: String(eventId) } }),
              ),
            )
          }
          data-testid="download-studyCountsXlsx"
        >
          {action.busy === 'studyCountsXlsx' ? t('trainingConsole.working') : t('studyCounts.download')}
        </Button>
      </div>
      <p className="muted">{t('studyCounts.intro')}</p>
      {body()}
    </section>
  );
}
