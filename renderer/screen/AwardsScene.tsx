import { useT } from '../ui/i18n';
import { awardPages, type RankingRow } from './show';
import './AwardsScene.css';

/** The ceremony slide: winners grouped by award, best award first. */
export function AwardsScene({ rows, page }: { rows: RankingRow[]; page: number }) {
  const t = useT();
  const pages = awardPages(rows);
  const groups = pages[page] ?? pages[0] ?? [];

  return (
    <section className="screen-scene screen-awards" data-testid="screen-awards">
      <header className="screen-scene-head">
        <h2 className="screen-scene-title">{t('screenPage.awards')}</h2>
        <p className="screen-scene-meta">
          {t('screenPage.congratulations')}
          {pages.length > 1 ? (
            <span className="screen-page-no">{t('screenPage.page', { page: page + 1, pages: pages.length })}</span>
          ) : null}
        </p>
      </header>
      <div className="screen-award-groups" key={page}>
        {groups.map((group, gi) => (
          <section
            className="screen-award-group"
            key={`${group.award}-${gi}`}
            style={{ animationDelay: `${gi * 150}ms` }}
          >
            <h3 className="screen-award-name">
              {group.award}
              {group.continued ? t('screenPage.continued') : null}
            </h3>
            <ul className="screen-award-people">
              {group.rows.map((row) => (
                <li key={row.participantId} className="screen-award-person">
                  <span className="screen-award-person-name">
                    {row.name}
                    {row.tiedAward ? ' ' : null}
                    {row.tiedAward ? <span className="screen-tied">{t('screenPage.tied')}</span> : null}
                  </span>
                  {row.organization ? <span className="screen-award-person-org">{row.organization}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
