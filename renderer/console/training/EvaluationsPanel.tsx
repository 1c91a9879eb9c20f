import { useState } from 'react';
import type { z } from 'zod';
import type { SessionEvaluation } from '../../../shared/api/evaluations';
import { fileSafe } from '../../../shared/api/documents';
import { questionWords } from '../../../shared/api/survey';
import { formatDateRange } from '../../../shared/domain/dates';
import type { ApiClient } from '../../api/client';
import { retry, useEvent } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { useSaveFile } from '../useSaveFile';
import { EvaluationCard } from './EvaluationCard';
import { useEvaluations, useTeacherEvaluations } from './evaluationQueries';
import { sessionWhen } from './format';
import { useSessions } from './queries';
import './evaluations.css';

type Result = z.infer<typeof SessionEvaluation>;

/** 课程评估: each session's form and QR, its results as they arrive, and the results per teacher. */
export function EvaluationsPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const sessions = useSessions(api, eventId);
  const results = useEvaluations(api, eventId);
  const [chosen, setChosen] = useState<number | null>(null);

  if (sessions.error && !sessions.data) return <LoadError error={sessions.error} onRetry={retry(sessions)} />;
  if (!sessions.data) return <p className="muted">{t('app.loading')}</p>;
  const list = sessions.data;
  const session = list.find((s) => s.id === chosen) ?? list[0];
  const resultOf = (sessionId: number): Result | undefined => results.data?.find((r) => r.sessionId === sessionId);

  return (
    <div className="evaluations" data-testid="evaluations-panel" data-event={eventId}>
      <section className="panel" aria-labelledby="evaluations-heading">
        <div className="panel-head">
          <h2 id="evaluations-heading" className="panel-title">
            {t('evaluationsPanel.title')}
          </h2>
          <ExportButton api={api} eventId={eventId} />
        </div>
        <p className="muted training-hint">{t('evaluationsPanel.intro')}</p>
        {results.error ? <LoadError error={results.error} onRetry={retry(results)} /> : null}
        {list.length === 0 || !session ? (
          <Empty>{t('evaluationsPanel.noSessions')}</Empty>
        ) : (
          <div className="evaluations-layout">
            <div className="table-wrap">
              <table className="table evaluations-sessions" data-testid="evaluation-sessions">
                <thead>
                  <tr>
                    <th>{t('evaluationsPanel.col.course')}</th>
                    <th>{t('evaluationsPanel.col.state')}</th>
                    <th className="num">{t('evaluationsPanel.col.responses')}</th>
                    <th className="num">{t('evaluationsPanel.col.rate')}</th>
                    <th className="num">{t('evaluation.question.overall')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => {
                    const result = resultOf(s.id);
                    const current = s.id === session.id;
                    return (
                      <tr
                        key={s.id}
                        className={current ? 'evaluations-current' : undefined}
                        data-testid={`evaluation-row-${s.id}`}
                      >
                        <td>
                          <button
                            type="button"
                            className="evaluations-choose"
                            aria-pressed={current}
                            onClick={() => setChosen(s.id)}
                          >
                            <span className="evaluations-course">{s.title}</span>
                            <span className="muted training-small">
                              {sessionWhen(s, t, locale)}
                              {s.teacher ? ` · ${s.teacher}` : ''}
                            </span>
                          </button>
                        </td>
                        <td>
                          <StateTag result={result} />
                        </td>
                        <td className="num">{result ? `${result.responses}/${result.expected}` : '—'}</td>
                        <td className="num">{result?.rate ? `${result.rate}%` : '—'}</td>
                        <td className="num">{result?.means.overall ?? '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <EvaluationCard
              key={session.id}
              api={api}
              eventId={eventId}
              session={session}
              result={resultOf(session.id)}
            />
          </div>
        )}
      </section>
      <TeachersTable api={api} eventId={eventId} />
    </div>
  );
}

function StateTag({ result }: { result: Result | undefined }) {
  const t = useT();
  if (!result) return <span className="tag tag-off">{t('evaluationsPanel.state.never')}</span>;
  return (
    <span className={`tag ${result.open ? 'tag-on' : 'tag-off'}`}>
      {t(result.open ? 'evaluationsPanel.state.open' : 'evaluationsPanel.state.closed')}
    </span>
  );
}

function ExportButton({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const action = useAction();
  const saveFile = useSaveFile();
  const event = useEvent(api, eventId);
  const download = () =>
    action.run('xlsx', async () => {
      const data = await api.call('evaluationsXlsx', { params: { id: String(eventId) } });
      const e = event.data;
      const name = e
        ? t('evaluation.file.xlsx', {
            title: fileSafe(e.title),
            date: formatDateRange(e.startsOn, e.endsOn, locale),
          })
        : t('evaluation.file.xlsx', { title: t('evaluationsPanel.title'), date: '' });
      await saveFile(name, data);
    });
  return (
    <Button busy={action.busy === 'xlsx'} onClick={download} data-testid="evaluations-download">
      {t('evaluationsPanel.download')}
    </Button>
  );
}

/** 按授课人: a teacher with several sessions gets the mean over all their answers. */
function TeachersTable({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const teachers = useTeacherEvaluations(api, eventId);
  if (teachers.error && !teachers.data) return <LoadError error={teachers.error} onRetry={retry(teachers)} />;
  const rows = teachers.data ?? [];
  const columns = [
    ...new Map(rows.flatMap((r) => r.questions.filter((q) => q.kind === 'rating').map((q) => [q.key, q]))).values(),
  ];
  return (
    <section className="panel" aria-labelledby="evaluations-teachers" data-testid="evaluation-teachers">
      <h2 id="evaluations-teachers" className="panel-title training-gap-below">
        {t('evaluationsPanel.byTeacher')}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('evaluationsPanel.noTeachers')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('evaluationsPanel.col.teacher')}</th>
                <th className="num">{t('evaluationsPanel.col.sessions')}</th>
                <th className="num">{t('evaluationsPanel.col.responses')}</th>
                {columns.map((q) => (
                  <th key={q.key} className="num">
                    {questionWords(q, t)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.teacher}>
                  <td>{r.teacher}</td>
                  <td className="num">{r.sessionIds.length}</td>
                  <td className="num">{r.responses}</td>
                  {columns.map((q) => (
                    <td key={q.key} className="num">
                      {r.means[q.key] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
