import { useCallback, useEffect } from 'react';
import type { z } from 'zod';
import type { LiveMessage } from '../../shared/api/live';
import type { PublicCheckinDisplay } from '../../shared/api/training';
import { useApi } from '../api/useApi';
import { contract } from '../../shared/api/contract';
import { useT } from '../ui/i18n';
import { useLoad } from '../ui/useLoad';
import { useQrSvg } from '../ui/useQrSvg';
import './CheckinScene.css';

/** The host's answer: the open session, its current code and QR address, the counts. */
export type CheckinDisplay = z.infer<typeof PublicCheckinDisplay>;

// The counts stay fresh even if a live message is lost; the code is read again the moment it changes.
const pollMs = 5000;

/**
 * The open self check-in of a training event, for the projector: null while none is open (or for a contest).
 * `onLive` takes the page's live messages; an `attendance` one reads the counts again.
 */
export function useCheckinDisplay(
  eventId: number,
  enabled: boolean,
): { display: CheckinDisplay | null; onLive: (message: LiveMessage) => void } {
  const api = useApi(null, contract);
  const { data, reload } = useLoad(
    useCallback(
      () => (enabled ? api.call('publicCheckinDisplay', { params: { id: String(eventId) } }) : Promise.resolve(null)),
      [api, eventId, enabled],
    ),
  );

  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(reload, pollMs);
    return () => window.clearInterval(timer);
  }, [enabled, reload]);

  const refreshIn = data?.code ? data.refreshInSeconds : null;
  useEffect(() => {
    if (refreshIn === null) return;
    const timer = window.setTimeout(reload, refreshIn * 1000 + 250);
    return () => window.clearTimeout(timer);
  }, [data, refreshIn, reload]);

  const onLive = useCallback(
    (message: LiveMessage) => {
      if (enabled && message.type === 'attendance') reload();
    },
    [enabled, reload],
  );

  const open = data && data.session && data.code && data.url ? data : null;
  return { display: open ?? null, onLive };
}

/** The QR code, the 4-digit code in huge type, the session and 实到 N / 应到 M (no names), readable from the back. */
export function CheckinScene({ display }: { display: CheckinDisplay }) {
  const t = useT();
  const qr = useQrSvg(display.url);
  // The code changes every few seconds, so a printed poster carries no code: its QR opens the page where a
  // trainee types the code the projector shows, and stays good all day.
  const posterQr = useQrSvg((display.url ?? '').replace(/\/checkin\/\d{4}$/, '/checkin'));
  const counts = display.counts;
  return (
    <div className="screen-scene checkin-scene" data-testid="screen-checkin">
      <div className="checkin-qr">
        {qr ? (
          <img className="checkin-screen-qr" src={qr} alt={t('checkinScene.qrAlt')} data-testid="screen-checkin-qr" />
        ) : null}
        {posterQr ? (
          <img className="checkin-poster-qr" src={posterQr} alt={t('checkinScene.qrAlt')} data-testid="poster-qr" />
        ) : null}
      </div>
      <div className="checkin-info">
        <p className="checkin-scan">{t('checkinScene.scan')}</p>
        <h2 className="checkin-session" data-testid="screen-checkin-session">
          {display.session?.title}
        </h2>
        <p className="checkin-howto">{t('checkinScene.howTo')}</p>
        <div className="checkin-code-block">
          <span className="checkin-code-label">{t('checkinScene.code')}</span>
          <span className="checkin-code" data-testid="screen-checkin-code">
            {display.code}
          </span>
        </div>
        {counts ? (
          <p className="checkin-counts" data-testid="screen-checkin-counts">
            <span className="checkin-count-label">{t('checkinScene.present')}</span>
            <span className="checkin-count" data-testid="screen-checkin-present">
              {counts.present + counts.late}
            </span>
            <span className="checkin-count-sep">/</span>
            <span className="checkin-count-label">{t('checkinScene.expected')}</span>
            <span className="checkin-count" data-testid="screen-checkin-expected">
              {counts.expected}
            </span>
          </p>
        ) : null}
        <p className="checkin-print-note">{t('checkinScene.printNote')}</p>
      </div>
    </div>
  );
}
