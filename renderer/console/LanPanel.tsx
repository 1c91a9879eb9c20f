import { useCallback, useState } from 'react';
import type { Network } from '../../shared/api/host';
import type { ApiClient } from '../api/client';
import { Button } from '../ui/Button';
import { LoadError } from '../ui/LoadError';
import { Notice } from '../ui/Notice';
import { useT } from '../ui/i18n';
import { useErrorMessage } from '../ui/useErrorMessage';
import { useLoad } from '../ui/useLoad';
import { QrCode } from './QrCode';

/** The projector page of an event on one of the host's LAN addresses. */
export function screenUrlOn(base: string, eventId: number): string {
  const url = new URL(base);
  url.hash = `/screen/${eventId}`;
  return url.toString();
}

/** Whether judges and the projector can reach this computer, and at which addresses. */
export function LanPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const message = useErrorMessage();
  const loaded = useLoad(useCallback(() => api.call('getNetwork'), [api]));
  const [changed, setChanged] = useState<Network | null>(null);
  const [busy, setBusy] = useState(false);
  const [toggleError, setToggleError] = useState<string | null>(null);

  const network = changed ?? loaded.data;

  async function toggle() {
    if (!network) return;
    setBusy(true);
    setToggleError(null);
    try {
      setChanged(await api.call('setNetwork', { body: { lan: !network.lan } }));
    } catch (error) {
      setToggleError(message(error));
      // The host may have switched anyway before the answer was lost; ask it.
      setChanged(null);
      loaded.reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel lan-panel" aria-labelledby="lan-heading">
      <div className="panel-head">
        <h2 id="lan-heading" className="panel-title">
          {t('lan.title')}
        </h2>
        {network ? (
          <span className={`tag ${network.lan ? 'tag-on' : 'tag-off'}`}>
            {t(network.lan ? 'lan.stateOn' : 'lan.stateOff')}
          </span>
        ) : null}
      </div>
      {loaded.error && !network ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {!network && !loaded.error ? <p className="muted">{t('app.loading')}</p> : null}
      {network ? (
        <>
          <p>{t(network.lan ? 'lan.on' : 'lan.off')}</p>
          <Button
            variant={network.lan ? 'secondary' : 'primary'}
            busy={busy}
            onClick={toggle}
            data-testid="lan-toggle"
            className="lan-toggle"
          >
            {busy ? t('lan.switching') : t(network.lan ? 'lan.disable' : 'lan.enable')}
          </Button>
          {toggleError ? <Notice tone="error">{toggleError}</Notice> : null}
          {network.lan && network.lanUrls.length === 0 ? <Notice tone="error">{t('lan.noAddress')}</Notice> : null}
          {network.lan && network.lanUrls.length > 0 ? (
            <div className="lan-urls">
              <p className="muted">{t('lan.screenLink')}</p>
              <ul>
                {network.lanUrls.map((base) => {
                  const url = screenUrlOn(base, eventId);
                  return (
                    <li key={base} className="lan-url" data-testid="lan-url">
                      <QrCode text={url} />
                      <code className="url">{url}</code>
                    </li>
                  );
                })}
              </ul>
              <p className="muted">{t('lan.judgeLater')}</p>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
