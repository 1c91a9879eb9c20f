import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { keys, retry, useNetwork } from '../api/queries';
import { useAction } from '../api/useAction';
import { Button } from '../ui/Button';
import { LoadError } from '../ui/LoadError';
import { Notice } from '../ui/Notice';
import { useT } from '../ui/i18n';
import { QrCode } from './QrCode';
import './LanPanel.css';

/** The projector page of an event on one of the host's LAN addresses. */
export function screenUrlOn(base: string, eventId: number): string {
  const url = new URL(base);
  url.hash = `/screen/${eventId}`;
  return url.toString();
}

export const venueAddressKey = ['host', 'venue-address'] as const;

/** The address judges' cards carry and whether it works from other devices now. */
export function useVenueAddress(api: ApiClient) {
  return useQuery({ queryKey: venueAddressKey, queryFn: () => api.call('getVenueAddress') });
}

/** After the LAN or the venue address changed: the links of every judge and desk change with it. */
export function refreshLinks(client: QueryClient, eventId: number): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.network }),
    client.invalidateQueries({ queryKey: venueAddressKey }),
    client.invalidateQueries({ queryKey: ['event', eventId] }),
  ]);
}

/** Whether judges and the projector can reach this computer, and at which addresses. */
export function LanPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const client = useQueryClient();
  const loaded = useNetwork(api);
  const action = useAction();
  const [toggleError, setToggleError] = useState<string | null>(null);
  const network = loaded.data;
  const busy = action.busy === 'toggle';

  function toggle() {
    if (!network) return;
    setToggleError(null);
    // Not asked again at once on success: the host rebinds just after answering.
    action.run('toggle', () => api.call('setNetwork', { body: { lan: !network.lan } }), {
      then: (answer) => {
        client.setQueryData(keys.network, answer);
        // The host rebinds just after answering; the links say whether they work from other devices after that.
        window.setTimeout(() => void refreshLinks(client, eventId), 500);
      },
      failed: (_error, text) => {
        setToggleError(text);
        // The host may have switched anyway before the answer was lost; ask it.
        void client.invalidateQueries({ queryKey: keys.network });
      },
    });
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
      {loaded.error && !network ? <LoadError error={loaded.error} onRetry={retry(loaded)} /> : null}
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
          <VenueAddressChoice api={api} eventId={eventId} />
        </>
      ) : null}
    </section>
  );
}

/** The organiser picks which of this computer's addresses judges' cards carry; the host keeps it across restarts. */
function VenueAddressChoice({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const client = useQueryClient();
  const action = useAction();
  const venue = useVenueAddress(api).data;
  if (!venue) return null;
  const inUse = new URL(venue.joinBase).hostname;

  function choose(address: string) {
    action.run('venue', () => api.call('setVenueAddress', { body: { address } }), {
      done: t('venueAddress.saved', { address }),
      then: (answer) => {
        client.setQueryData(venueAddressKey, answer);
        void refreshLinks(client, eventId);
      },
    });
  }

  return (
    <fieldset className="lan-venue" data-testid="venue-address">
      <legend className="lan-venue-title">{t('venueAddress.title')}</legend>
      <p className="muted">{t('venueAddress.help')}</p>
      {venue.addresses.length === 0 ? <Notice tone="error">{t('venueAddress.none')}</Notice> : null}
      {venue.chosen !== null && !venue.addresses.includes(venue.chosen) ? (
        <Notice tone="error">{t('venueAddress.missing', { address: venue.chosen })}</Notice>
      ) : null}
      {venue.addresses.map((address) => (
        <label key={address} className="lan-venue-option">
          <input
            type="radio"
            name="venue-address"
            value={address}
            checked={address === inUse}
            disabled={action.busy === 'venue'}
            onChange={() => choose(address)}
            data-testid="venue-address-option"
          />
          <code className="url">{address}</code>
        </label>
      ))}
    </fieldset>
  );
}
