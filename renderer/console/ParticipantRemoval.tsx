import { useQuery } from '@tanstack/react-query';
import type { Participant } from '../../shared/api/events';
import type { ApiClient } from '../api/client';
import { keys, retry } from '../api/queries';
import { useAction } from '../api/useAction';
import { Button } from '../ui/Button';
import { LoadError } from '../ui/LoadError';
import { useT } from '../ui/i18n';
import './editing.css';

/**
 * 删除 asks first, under the person's row: what goes with them (scores, check-ins), what stays (certificates
 * in the register), or, when the host would refuse, why and what to do instead.
 */
export function ParticipantRemoval({
  api,
  eventId,
  participant,
  onRemoved,
  onClose,
}: {
  api: ApiClient;
  eventId: number;
  participant: Participant;
  onRemoved: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const action = useAction();
  const params = { id: String(eventId), pid: String(participant.id) };
  const removal = useQuery({
    queryKey: [...keys.topic(eventId, 'participants'), 'removal', participant.id],
    queryFn: () => api.call('participantRemoval', { params }),
    // Asked fresh each time: scores may have come in since.
    gcTime: 0,
  });
  const r = removal.data;

  function remove() {
    action.run('remove', () => api.call('deleteParticipant', { params }), {
      done: t('editing.deleted', { name: participant.name }),
      then: onRemoved,
    });
  }

  const question = t('editing.askDelete', { name: participant.name });
  return (
    <div className="participant-removal" role="alertdialog" aria-label={question} data-testid="participant-removal">
      {removal.error ? <LoadError error={removal.error} onRetry={retry(removal)} /> : null}
      {!r && !removal.error ? <p className="muted">{t('editing.checking')}</p> : null}
      {r?.refused ? (
        <p className="participant-removal-refused" data-testid="participant-removal-refused">
          {r.refused}
        </p>
      ) : null}
      {r && !r.refused ? (
        <>
          <p className="strong">{question}</p>
          <ul className="participant-removal-losses" data-testid="participant-removal-losses">
            {r.scores > 0 ? <li>{t('editing.loseScores', { count: r.scores })}</li> : null}
            {r.checkins > 0 ? <li>{t('editing.loseCheckins', { count: r.checkins })}</li> : null}
            {r.certificates.length > 0 ? (
              <li>{t('editing.keepCertificates', { numbers: r.certificates.join('、') })}</li>
            ) : null}
            {r.inOrder ? <li>{t('editing.leaveOrder')}</li> : null}
            {r.scores === 0 && r.checkins === 0 && r.certificates.length === 0 ? (
              <li>{t('editing.nothingLost')}</li>
            ) : null}
            <li>{t('editing.cannotUndo')}</li>
          </ul>
        </>
      ) : null}
      <div className="participant-removal-actions">
        {r && !r.refused ? (
          <Button
            variant="primary"
            busy={action.busy !== null}
            onClick={remove}
            data-testid="participant-delete-confirm"
          >
            {t('editing.confirmDelete')}
          </Button>
        ) : null}
        <Button onClick={onClose} disabled={action.busy !== null} data-testid="participant-delete-cancel">
          {t('editing.cancel')}
        </Button>
      </div>
    </div>
  );
}
