import { useMemo, useState, type FormEvent } from 'react';
import type { Ranking, Rubric } from '../../../shared/api/contest';
import type { RouteOutput } from '../../../shared/api/contract';
import { judgesScored, panelSizesDiffer } from '../../../shared/domain/panel';
import { ApiError, type ApiClient } from '../../api/client';
import { keys, retry, useAwards, useRanking, useRubric } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useT, type Translate } from '../../ui/i18n';
import { fieldPath } from './format';
import { tieBreakLabel } from './rubricForm';
import './RankingPanel.css';

type Row = Ranking['rows'][number];
type Awards = RouteOutput<'getAwards'>;

export function RankingPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const ranking = useRanking(api, eventId);
  const rubric = useRubric(api, eventId).data ?? null;

  const rows = ranking.data?.rows ?? [];
  // Every judge appears in some row; keep the order the host gives.
  const judges = new Map<number, string>();
  for (const row of rows) for (const j of row.judgeTotals) if (!judges.has(j.judgeId)) judges.set(j.judgeId, j.name);
  const tied = rows.filter((r) => r.tiedAward);
  // A judge added after some speakers were locked (or left out by a forced lock): say how many scored each one.
  const showPanel = panelSizesDiffer(rows);

  return (
    <div className="contest-ranking">
      <section className="panel">
        <div className="panel-head">
          <h2 className="panel-title">{t('contest.ranking.title')}</h2>
          <Button onClick={retry(ranking)}>{t('contest.audit.refresh')}</Button>
        </div>
        {ranking.error ? <LoadError error={ranking.error} onRetry={retry(ranking)} /> : null}
        {tied.length > 0 ? (
          <Notice tone="error">{t('contest.ranking.tiedNotice', { names: tied.map((r) => r.name).join('、') })}</Notice>
        ) : null}
        {ranking.data && rows.length === 0 ? <Empty>{t('event.noParticipants')}</Empty> : null}
        {showPanel ? (
          <p className="muted contest-small" data-testid="ranking-panel-note">
            {t('contest.ranking.panelNote')}
          </p>
        ) : null}
        {rows.length > 0 ? (
          <div className="table-wrap">
            <table className="table contest-ranking-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('contest.ranking.rank')}
                  </th>
                  <th scope="col">{t('participant.name')}</th>
                  <th scope="col">{t('participant.organization')}</th>
                  {[...judges].map(([jid, name]) => (
                    <th key={jid} scope="col" className="num">
                      {name}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('contest.ranking.deduction')}
                  </th>
                  <th scope="col" className="num">
                    {t('contest.ranking.final')}
                  </th>
                  {showPanel ? <th scope="col">{t('contest.ranking.panelHead')}</th> : null}
                  <th scope="col">{t('contest.ranking.tieBreak')}</th>
                  <th scope="col">{t('contest.ranking.award')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <RankingLine
                    key={row.participantId}
                    row={row}
                    judgeIds={[...judges.keys()]}
                    rubric={rubric}
                    showPanel={showPanel}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <p className="muted contest-small">{t('contest.ranking.legend')}</p>
      </section>
      <AwardsEditor api={api} eventId={eventId} />
    </div>
  );
}

function RankingLine({
  row,
  judgeIds,
  rubric,
  showPanel,
}: {
  row: Row;
  judgeIds: number[];
  rubric: Rubric | null;
  showPanel: boolean;
}) {
  const t = useT();
  const statusNote = row.status === 'final' ? null : t(`contest.ranking.status.${row.status}`);
  return (
    <tr
      data-testid="ranking-row"
      data-participant={row.participantId}
      className={row.tiedAward ? 'contest-row-warning' : undefined}
    >
      <td className="num strong">{row.rank ?? '—'}</td>
      <td className="nowrap strong">
        {row.name}
        {!row.revealed && row.status === 'final' ? (
          <span className="contest-chip contest-chip-locked contest-chip-small">
            {t('contest.ranking.notRevealed')}
          </span>
        ) : null}
      </td>
      <td className="cell-place">{row.organization ?? ''}</td>
      {judgeIds.map((jid) => {
        const total = row.judgeTotals.find((j) => j.judgeId === jid);
        if (!total)
          return (
            <td key={jid} className="num muted">
              —
            </td>
          );
        if (total.recused)
          return (
            <td key={jid} className="num muted">
              {t('contest.progress.recused')}
            </td>
          );
        if (total.total === null)
          return (
            <td key={jid} className="num muted">
              —
            </td>
          );
        return (
          <td key={jid} className="num">
            {total.dropped ? (
              <>
                <s className="contest-dropped">{total.total}</s>
                <span className="contest-dropped-tag">
                  {t(total.dropped === 'high' ? 'contest.ranking.high' : 'contest.ranking.low')}
                </span>
              </>
            ) : (
              total.total
            )}
          </td>
        );
      })}
      <td className="num">{row.deduction !== '0.00' ? `−${row.deduction}` : ''}</td>
      <td className="num contest-final" data-testid="ranking-final">
        {row.final ?? <span className="muted contest-small">{statusNote}</span>}
      </td>
      {showPanel ? (
        <td className="contest-small" data-testid="ranking-panel-size">
          {row.final === undefined ? '' : t('contest.ranking.panelSize', { count: judgesScored(row) })}
        </td>
      ) : null}
      <td className="contest-small">
        {row.tieBrokenBy ? tieBreakLabel(t, row.tieBrokenBy, rubric?.criteria ?? []) : ''}
      </td>
      <td className="contest-award-cell">
        {row.award ? <span className="contest-award">{row.award}</span> : null}
        {row.tiedAward ? (
          <span className="contest-award-warning" data-testid="award-warning" role="alert">
            ⚠ {t('contest.ranking.tiedAward')}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

interface TierRow {
  rowId: number;
  name: string;
  count: string;
}

/** The saved tiers as rows, or the usual ones (一等奖 1, 二等奖 2, 三等奖 3, 优秀奖 the rest) before any are saved. */
function tierRows(t: Translate, awards: Awards): TierRow[] {
  if (awards.tiers.length === 0) return usualTiers(t, 1);
  return awards.tiers.map((tier, i) => ({
    rowId: i + 1,
    name: tier.name,
    count: tier.count === null ? '' : String(tier.count),
  }));
}

function usualTiers(t: Translate, firstId: number): TierRow[] {
  return [
    { rowId: firstId, name: t('contest.awards.first'), count: '1' },
    { rowId: firstId + 1, name: t('contest.awards.second'), count: '2' },
    { rowId: firstId + 2, name: t('contest.awards.third'), count: '3' },
    { rowId: firstId + 3, name: t('contest.awards.merit'), count: '' },
  ];
}

function AwardsEditor({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const id = String(eventId);
  const awards = useAwards(api, eventId);
  const action = useAction();
  const saved = useMemo(() => (awards.data ? tierRows(t, awards.data) : []), [t, awards.data]);
  const [tiers, setTiers] = useState<TierRow[] | null>(null);
  const [error, setError] = useState<{ path: string | null; text: string } | null>(null);

  // Typed rows stay as typed; until then the page shows what the host has.
  const list = tiers ?? saved;
  const nextId = Math.max(0, ...list.map((r) => r.rowId)) + 1;
  const set = (index: number, change: Partial<TierRow>) =>
    setTiers(list.map((r, i) => (i === index ? { ...r, ...change } : r)));

  function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const body = {
      tiers: list.map((r) => ({ name: r.name.trim(), count: r.count.trim() === '' ? null : Number(r.count.trim()) })),
    };
    action.run('save', () => api.call('setAwards', { params: { id }, body }), {
      done: t('contest.awards.saved'),
      invalidate: [keys.topic(eventId, 'awards'), keys.topic(eventId, 'ranking')],
      failed: (err, text) => setError({ path: err instanceof ApiError ? fieldPath(err.field) : null, text }),
    });
  }

  return (
    <form className="panel contest-awards" onSubmit={save} noValidate>
      <div className="panel-head">
        <h2 className="panel-title">{t('contest.awards.title')}</h2>
        {awards.data && awards.data.tiers.length === 0 ? (
          <span className="muted">{t('contest.awards.notSaved')}</span>
        ) : null}
      </div>
      {awards.error ? <LoadError error={awards.error} onRetry={retry(awards)} /> : null}
      <p className="muted">{t('contest.awards.hint')}</p>
      <ol className="contest-tiers">
        {list.map((tier, i) => {
          const bad = error?.path?.startsWith(`tiers.${i}.`) ?? false;
          return (
            <li key={tier.rowId} className={bad ? 'field-invalid' : undefined} data-testid="award-tier">
              <input
                aria-label={t('award.name')}
                value={tier.name}
                onChange={(e) => set(i, { name: e.target.value })}
                data-testid="award-name"
              />
              <span aria-hidden="true">×</span>
              <input
                className="contest-input-short"
                aria-label={t('award.count')}
                inputMode="numeric"
                value={tier.count}
                placeholder={t('contest.awards.rest')}
                onChange={(e) => set(i, { count: e.target.value })}
                data-testid="award-count"
              />
              <span className="muted contest-small">
                {tier.count.trim() === '' ? t('contest.awards.restLong') : t('contest.awards.people')}
              </span>
              <Button variant="quiet" onClick={() => setTiers(list.filter((_, j) => j !== i))}>
                {t('contest.remove')}
              </Button>
              {bad && error ? <span className="field-error">{error.text}</span> : null}
            </li>
          );
        })}
      </ol>
      {error && !error.path?.startsWith('tiers.') ? <Notice tone="error">{error.text}</Notice> : null}
      <div className="form-actions">
        <Button onClick={() => setTiers([...list, { rowId: nextId, name: '', count: '1' }])}>
          {t('contest.awards.add')}
        </Button>
        <Button onClick={() => setTiers(usualTiers(t, nextId))}>{t('contest.awards.usual')}</Button>
        <Button
          type="submit"
          variant="primary"
          busy={action.busy === 'save'}
          // Saving before the saved tiers arrive would send none.
          disabled={!awards.data}
          data-testid="awards-save"
        >
          {t('contest.awards.save')}
        </Button>
      </div>
    </form>
  );
}
