import { useT } from '../ui/i18n';
import { leaderboardPages, type RankingRow } from './show';
import './LeaderboardScene.css';

/** The live ranking of the speakers revealed so far; the top three stand out. */
export function LeaderboardScene({
  rows,
  page,
  perPage,
  speakers,
  highlightId,
}: {
  rows: RankingRow[];
  page: number;
  /** Rows that fit this screen with clear space above the footer. */
  perPage: number;
  speakers: number | null;
  highlightId: number | null;
}) {
  const t = useT();
  const pages = leaderboardPages(rows, perPage);
  const shown = pages[page] ?? pages[0] ?? [];
  const withAwards = rows.some((r) => r.award);

  return (
    <section className="screen-scene screen-board" data-testid="screen-leaderboard">
      <header className="screen-scene-head">
        <h2 className="screen-scene-title">{t('screenPage.leaderboard')}</h2>
        <p className="screen-scene-meta">
          {speakers ? t('screenPage.revealedCount', { count: rows.length, total: speakers }) : null}
          {pages.length > 1 ? (
            <span className="screen-page-no">{t('screenPage.page', { page: page + 1, pages: pages.length })}</span>
          ) : null}
        </p>
      </header>
      <table className={withAwards ? 'screen-table screen-table-awards' : 'screen-table'}>
        <thead>
          <tr>
            <th className="screen-col-rank">{t('screenPage.colRank')}</th>
            <th className="screen-col-name">{t('screenPage.colName')}</th>
            <th className="screen-col-org">{t('screenPage.colOrganization')}</th>
            {withAwards ? <th className="screen-col-award">{t('screenPage.colAward')}</th> : null}
            <th className="screen-col-final">{t('screenPage.colFinal')}</th>
          </tr>
        </thead>
        <tbody key={page}>
          {shown.map((row, i) => (
            <tr
              key={row.participantId}
              className={[
                row.rank !== null && row.rank <= 3 ? `screen-podium screen-podium-${row.rank}` : '',
                row.participantId === highlightId ? 'screen-latest' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              style={{ animationDelay: `${i * 60}ms` }}
              data-testid="screen-leaderboard-row"
            >
              <td className="screen-col-rank">
                <span className="screen-rank">{row.rank ?? ''}</span>
              </td>
              <td className="screen-col-name">{row.name}</td>
              <td className="screen-col-org">{row.organization ?? ''}</td>
              {withAwards ? (
                <td className="screen-col-award">
                  {row.award ?? ''}
                  {row.award && row.tiedAward ? ' ' : null}
                  {row.award && row.tiedAward ? <span className="screen-tied">{t('screenPage.tied')}</span> : null}
                </td>
              ) : null}
              <td className="screen-col-final">{row.final ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
