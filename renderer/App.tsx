import { useEffect } from 'react';
import { CheckinPage } from './checkin/CheckinPage';
import { readAdminToken } from './console/adminToken';
import { ConsolePage, NeedToken } from './console/ConsolePage';
import { EventPage } from './console/EventPage';
import { JudgePage } from './judge/JudgePage';
import { hrefFor, idFromSegment, matchPath, useHashLocation } from './router';
import { ScreenPage } from './screen/ScreenPage';
import { SurveyPage } from './survey/SurveyPage';
import { Notice } from './ui/Notice';
import { Page } from './ui/Page';
import { useT } from './ui/i18n';

export function App() {
  const { path, query } = useHashLocation();

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  // The host opens at its bare address too; that is the organiser's console.
  if (path === '/' || matchPath('/console', path)) {
    const token = readAdminToken();
    return token ? <ConsolePage token={token} /> : <NeedToken />;
  }

  const eventPage = matchPath('/console/events/:id', path);
  if (eventPage) {
    const id = idFromSegment(eventPage.id);
    const token = readAdminToken();
    if (id === null) return <NotFound />;
    return token ? <EventPage key={id} token={token} eventId={id} /> : <NeedToken />;
  }

  if (matchPath('/judge', path)) return <JudgePage token={query.get('token')} />;

  const screen = matchPath('/screen/:eventId', path);
  const screenId = idFromSegment(screen?.eventId);
  if (screenId !== null) return <ScreenPage key={screenId} eventId={screenId} />;

  if (idFromSegment(matchPath('/checkin/:eventId', path)?.eventId) !== null) return <CheckinPage />;
  if (idFromSegment(matchPath('/survey/:eventId', path)?.eventId) !== null) return <SurveyPage />;

  return <NotFound />;
}

function NotFound() {
  const t = useT();
  return (
    <Page title={t('app.notFound')}>
      <Notice
        tone="error"
        action={
          <a className="btn btn-secondary" href={hrefFor('/console')}>
            {t('app.goConsole')}
          </a>
        }
      >
        {t('app.notFound')}
      </Notice>
    </Page>
  );
}
