import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { hrefFor, idFromSegment, matchPath, useHashLocation } from './router';
import { Notice } from './ui/Notice';
import { Page } from './ui/Page';
import { useT } from './ui/i18n';
import { addMessages, type MessagePart } from './ui/messages';

// Every role's page is a chunk of its own with the strings of its own area (renderer/ui/messages.ts): a judge's phone
// on venue Wi-Fi loads React, this router and the judge's code, never the console's panels and words, the projector's
// scenes or the check-in pages (tests/e2e/judge-weight.spec.ts; tests/unit/page-messages.test.ts checks the areas).
async function withStrings<M>(page: Promise<M>, ...areas: Array<Promise<MessagePart>>): Promise<M> {
  const [module, ...strings] = await Promise.all([page, ...areas]);
  addMessages(...strings);
  return module;
}

const ConsoleApp = lazy(() =>
  withStrings(import('./console/ConsoleApp'), import('./ui/allMessages')).then((m) => ({ default: m.ConsoleApp })),
);
const JudgePage = lazy(() =>
  withStrings(import('./judge/JudgePage'), import('../shared/i18n/parts/judge')).then((m) => ({
    default: m.JudgePage,
  })),
);
const ScreenPage = lazy(() =>
  withStrings(
    import('./screen/ScreenPage'),
    import('../shared/i18n/parts/screen'),
    import('../shared/i18n/parts/training-screens'),
    import('../shared/i18n/parts/evaluations'),
  ).then((m) => ({ default: m.ScreenPage })),
);
const CheckinPage = lazy(() =>
  withStrings(
    import('./checkin/CheckinPage'),
    import('../shared/i18n/parts/training'),
    import('../shared/i18n/parts/training-screens'),
  ).then((m) => ({ default: m.CheckinPage })),
);
const DeskPage = lazy(() =>
  withStrings(
    import('./desk/DeskPage'),
    import('../shared/i18n/parts/training'),
    import('../shared/i18n/parts/training-screens'),
  ).then((m) => ({ default: m.DeskPage })),
);
const ReflectPage = lazy(() =>
  withStrings(import('./reflect/ReflectPage'), import('../shared/i18n/parts/reflections')).then((m) => ({
    default: m.ReflectPage,
  })),
);
const GroupRecordPage = lazy(() =>
  withStrings(import('./group-record/GroupRecordPage'), import('../shared/i18n/parts/group-record')).then((m) => ({
    default: m.GroupRecordPage,
  })),
);
const SurveyPage = lazy(() =>
  withStrings(import('./survey/SurveyPage'), import('../shared/i18n/parts/evaluations')).then((m) => ({
    default: m.SurveyPage,
  })),
);
const JoinPage = lazy(() =>
  withStrings(import('./join/JoinPage'), import('../shared/i18n/parts/judge-access')).then((m) => ({
    default: m.JoinPage,
  })),
);

export function App() {
  return (
    <Suspense fallback={null}>
      <RolePage />
    </Suspense>
  );
}

function RolePage(): ReactNode {
  const { path, query } = useHashLocation();

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  // The host opens at its bare address too; that is the organiser's console.
  const eventPage = matchPath('/console/events/:id', path);
  const eventId = eventPage ? idFromSegment(eventPage.id) : null;
  if (eventPage && eventId === null) return <NotFound />;
  if (path === '/' || matchPath('/console', path) || eventPage) return <ConsoleApp eventId={eventId} />;

  if (matchPath('/judge', path)) return <JudgePage token={query.get('token')} />;
  if (matchPath('/join', path)) return <JoinPage />;

  const screen = matchPath('/screen/:eventId', path);
  const screenId = idFromSegment(screen?.eventId);
  if (screenId !== null) return <ScreenPage key={screenId} eventId={screenId} />;

  const checkin = matchPath('/checkin/:code', path);
  if (checkin || matchPath('/checkin', path)) return <CheckinPage key={checkin?.code} code={checkin?.code ?? null} />;
  const reflect = matchPath('/reflect/:code', path);
  if (reflect) return <ReflectPage key={reflect.code} code={reflect.code ?? null} />;
  const desk = idFromSegment(matchPath('/desk/:eventId', path)?.eventId);
  if (desk !== null) return <DeskPage key={desk} eventId={desk} token={query.get('token')} />;
  const groupRecord = matchPath('/group-record/:code', path);
  if (groupRecord?.code) return <GroupRecordPage key={groupRecord.code} code={groupRecord.code} />;
  const survey = matchPath('/survey/:code', path);
  if (survey?.code) return <SurveyPage key={survey.code} code={survey.code} />;

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
