import { lazy, Suspense, useEffect } from 'react';
import { CheckinPage } from './checkin/CheckinPage';
import { DeskPage } from './desk/DeskPage';
import { JudgePage } from './judge/JudgePage';
import { hrefFor, idFromSegment, matchPath, useHashLocation } from './router';
import { ScreenPage } from './screen/ScreenPage';
import { SurveyPage } from './survey/SurveyPage';
import { Notice } from './ui/Notice';
import { Page } from './ui/Page';
import { useT } from './ui/i18n';

// The console (and its query library) is a chunk of its own: the judge page stays small on phones.
const ConsoleApp = lazy(() => import('./console/ConsoleApp').then((module) => ({ default: module.ConsoleApp })));

export function App() {
  const { path, query } = useHashLocation();

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  // The host opens at its bare address too; that is the organiser's console.
  const eventPage = matchPath('/console/events/:id', path);
  const eventId = eventPage ? idFromSegment(eventPage.id) : null;
  if (eventPage && eventId === null) return <NotFound />;
  if (path === '/' || matchPath('/console', path) || eventPage) {
    return (
      <Suspense fallback={null}>
        <ConsoleApp eventId={eventId} />
      </Suspense>
    );
  }

  if (matchPath('/judge', path)) return <JudgePage token={query.get('token')} />;

  const screen = matchPath('/screen/:eventId', path);
  const screenId = idFromSegment(screen?.eventId);
  if (screenId !== null) return <ScreenPage key={screenId} eventId={screenId} />;

  const checkin = matchPath('/checkin/:code', path);
  if (checkin || matchPath('/checkin', path)) return <CheckinPage key={checkin?.code} code={checkin?.code ?? null} />;
  const desk = idFromSegment(matchPath('/desk/:eventId', path)?.eventId);
  if (desk !== null) return <DeskPage key={desk} eventId={desk} token={query.get('token')} />;
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
