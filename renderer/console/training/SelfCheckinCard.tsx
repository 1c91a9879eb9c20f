import { useState } from 'react';
import type { Session } from '../../../shared/api/training';
import { defaultRotateSeconds } from '../../../shared/domain/checkinCode';
import { getBridge } from '../../api/bridge';
import type { ApiClient } from '../../api/client';
import { useNetwork } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { QrCode } from '../QrCode';
import { trainingKeys, useCheckinDisplay } from './queries';

interface Shown {
  sessionId: number;
  code: string | null;
  url: string | null;
  rotateSeconds: number;
}

/** 扫码签到 of the chosen session: open or close it, and while open its QR, its 4-digit code and the projector. */
export function SelfCheckinCard({
  api,
  eventId,
  session,
  sessions,
}: {
  api: ApiClient;
  eventId: number;
  session: Session;
  sessions: readonly Session[];
}) {
  const t = useT();
  const action = useAction();
  const network = useNetwork(api);
  // The answer to opening it, shown at once; the display query then follows the code as it turns over.
  const [opened, setOpened] = useState<Shown | null>(null);
  const open = session.selfCheckinOpen;
  const display = useCheckinDisplay(api, eventId, open);
  const otherOpen = sessions.find((s) => s.selfCheckinOpen && s.id !== session.id);

  const fromDisplay = display.data?.session?.id === session.id ? display.data : null;
  const fromOpening = opened?.sessionId === session.id ? opened : null;
  const code = fromDisplay?.code ?? fromOpening?.code ?? null;
  const url = fromDisplay?.url ?? fromOpening?.url ?? null;
  const rotateSeconds = fromOpening?.rotateSeconds ?? defaultRotateSeconds;

  function toggle() {
    const next = !open;
    action.run(
      'toggle',
      () =>
        api.call('selfCheckin', {
          params: { id: String(eventId), sid: String(session.id) },
          body: { open: next },
        }),
      {
        done: t(next ? 'trainingConsole.checkin.self.opened' : 'trainingConsole.checkin.self.closedToast', {
          title: session.title,
        }),
        invalidate: [trainingKeys.topic(eventId, 'sessions'), trainingKeys.topic(eventId, 'checkin-display')],
        then: (state) => setOpened({ sessionId: session.id, ...state }),
      },
    );
  }

  const openProjector = () => action.run('projector', () => getBridge().openProjector(eventId));

  return (
    <section className="panel training-self" aria-labelledby="self-heading" data-testid="self-checkin">
      <div className="panel-head">
        <h2 id="self-heading" className="panel-title">
          {t('trainingConsole.checkin.self.title')}
        </h2>
        <span className={`tag ${open ? 'tag-on' : 'tag-off'}`} data-testid="self-checkin-state">
          {t(open ? 'lan.stateOn' : 'lan.stateOff')}
        </span>
      </div>
      {network.data && !network.data.lan ? (
        <Notice tone="error">{t('trainingConsole.checkin.self.lanOff')}</Notice>
      ) : null}
      {otherOpen && !open ? (
        <Notice>{t('trainingConsole.checkin.self.otherOpen', { title: otherOpen.title })}</Notice>
      ) : null}
      {open ? (
        <div className="training-self-open">
          {url ? <QrCode text={url} size={180} /> : null}
          <p className="training-self-label">{t('trainingConsole.checkin.self.code')}</p>
          <p className="training-self-code" data-testid="self-checkin-code">
            {code ?? '––––'}
          </p>
          {url ? <code className="url">{url}</code> : null}
          <p className="muted training-small">
            {t('trainingConsole.checkin.self.rotates', { seconds: rotateSeconds })}
          </p>
        </div>
      ) : (
        <p className="muted">{t('trainingConsole.checkin.self.closed')}</p>
      )}
      <div className="contest-row-actions">
        <Button
          variant={open ? 'secondary' : 'primary'}
          busy={action.busy === 'toggle'}
          onClick={toggle}
          data-testid="self-checkin-toggle"
        >
          {t(open ? 'trainingConsole.checkin.self.close' : 'trainingConsole.checkin.self.open')}
        </Button>
        <Button onClick={openProjector} data-testid="checkin-projector">
          {t('event.openScreen')}
        </Button>
      </div>
    </section>
  );
}
