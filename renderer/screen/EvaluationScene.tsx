import { useCallback, useEffect } from 'react';
import type { z } from 'zod';
import { contract } from '../../shared/api/contract';
import type { PublicEvaluationDisplay } from '../../shared/api/evaluations';
import type { LiveMessage } from '../../shared/api/live';
import { useApi } from '../api/useApi';
import { useT } from '../ui/i18n';
import { useLoad } from '../ui/useLoad';
import { useQrSvg } from '../ui/useQrSvg';
import './CheckinScene.css';

/** The host's answer: the open evaluation's session, its QR address and how many answered (no names). */
export type EvaluationDisplay = z.infer<typeof PublicEvaluationDisplay>;

// The count stays fresh even if a live message is lost.
const pollMs = 10_000;

/**
 * The open course evaluation of a training event, for the projector: null while none is open (or for a contest).
 * `onLive` takes the page's live messages; an `evaluation` one reads the count again.
 */
export function useEvaluationDisplay(
  eventId: number,
  enabled: boolean,
): { display: EvaluationDisplay | null; onLive: (message: LiveMessage) => void } {
  const api = useApi(null, contract);
  const { data, reload } = useLoad(
    useCallback(
      () =>
        enabled ? api.call('publicEvaluationDisplay', { params: { id: String(eventId) } }) : Promise.resolve(null),
      [api, eventId, enabled],
    ),
  );

  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(reload, pollMs);
    return () => window.clearInterval(timer);
  }, [enabled, reload]);

  const onLive = useCallback(
    (message: LiveMessage) => {
      if (enabled && message.type === 'evaluation') reload();
    },
    [enabled, reload],
  );

  return { display: data?.session && data.url ? data : null, onLive };
}

/** The QR code of the session's evaluation and 已评价 N / 应评 M, laid out as the check-in scene (its styles). */
export function EvaluationScene({ display }: { display: EvaluationDisplay }) {
  const t = useT();
  const qr = useQrSvg(display.url);
  return (
    <div className="screen-scene checkin-scene" data-testid="screen-evaluation">
      <div className="checkin-qr">
        {qr ? <img src={qr} alt={t('evaluationScene.qrAlt')} data-testid="screen-evaluation-qr" /> : null}
      </div>
      <div className="checkin-info">
        <p className="checkin-scan">{t('evaluationScene.scan')}</p>
        <h2 className="checkin-session" data-testid="screen-evaluation-session">
          {display.session?.title}
        </h2>
        {display.session?.teacher ? (
          <p className="checkin-howto">{t('survey.teacher', { teacher: display.session.teacher })}</p>
        ) : null}
        <p className="checkin-howto">{t('evaluationScene.howTo')}</p>
        <p className="checkin-counts" data-testid="screen-evaluation-counts">
          <span className="checkin-count-label">{t('evaluationScene.responses')}</span>
          <span className="checkin-count">{display.responses}</span>
          <span className="checkin-count-sep">/</span>
          <span className="checkin-count-label">{t('evaluationScene.expected')}</span>
          <span className="checkin-count">{display.expected}</span>
        </p>
      </div>
    </div>
  );
}
