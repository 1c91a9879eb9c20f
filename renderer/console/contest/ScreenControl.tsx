import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { screenModes, type ScreenMode } from '../../../shared/domain/screen';
import type { ApiClient } from '../../api/client';
import { keys } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { hrefFor } from '../../router';
import { useLocale, useT } from '../../ui/i18n';
import './ScreenControl.css';

/** 大屏幕: what the projector shows, chosen here, with a live thumbnail of the projector page itself. */
export function ScreenControl({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const id = String(eventId);
  const screen = useQuery({
    queryKey: keys.topic(eventId, 'screen'),
    queryFn: () => api.call('getScreen', { params: { id } }),
  });
  const action = useAction();
  const invalidate = [keys.topic(eventId, 'screen')];

  // The projector (often another machine) speaks the language this console is set to.
  const language = screen.data?.language;
  useEffect(() => {
    if (language === undefined || language === locale) return;
    void api.call('setScreen', { params: { id }, body: { language: locale } }).catch(() => {
      // The next change of language or of the screen tries again; the projector keeps its own meanwhile.
    });
  }, [api, id, language, locale]);

  function choose(mode: ScreenMode) {
    action.run(mode, () => api.call('setScreen', { params: { id }, body: { mode } }), {
      invalidate,
      done: t('screenControl.changed', { mode: t(`screenControl.mode.${mode}`) }),
    });
  }

  const current = screen.data?.mode ?? null;
  return (
    <section className="panel contest-screen" aria-labelledby="screen-control-heading" data-testid="screen-control">
      <div className="contest-screen-main">
        <h2 id="screen-control-heading" className="panel-title">
          {t('screenControl.title')}
        </h2>
        <p className="muted contest-screen-hint">{t('screenControl.hint')}</p>
        <div className="segmented contest-screen-modes" role="group" aria-label={t('screenControl.modes')}>
          {screenModes.map((mode) => (
            <button
              key={mode}
              type="button"
              aria-pressed={current === mode}
              disabled={current === null || action.busy !== null}
              data-testid={`screen-mode-${mode}`}
              onClick={() => choose(mode)}
            >
              {t(`screenControl.mode.${mode}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="contest-screen-thumb" aria-label={t('screenControl.preview')}>
        <iframe
          src={hrefFor(`/screen/${eventId}`)}
          title={t('screenControl.preview')}
          tabIndex={-1}
          data-testid="screen-thumbnail"
        />
      </div>
    </section>
  );
}
