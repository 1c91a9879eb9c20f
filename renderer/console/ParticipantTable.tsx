import type { Participant } from '../../shared/api/events';
import { useT } from '../ui/i18n';

export function ParticipantTable({ participants }: { participants: readonly Participant[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('participant.number')}
            </th>
            <th scope="col">{t('participant.name')}</th>
            <th scope="col">{t('participant.gender')}</th>
            <th scope="col">{t('participant.organization')}</th>
            <th scope="col">{t('participant.title')}</th>
            <th scope="col">{t('participant.phone')}</th>
            <th scope="col">{t('participant.group')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p, index) => (
            <tr key={p.id} data-testid="participant-row">
              <td className="num">{index + 1}</td>
              <td className="nowrap strong">{p.name}</td>
              <td className="nowrap">{p.gender ? t(`gender.${p.gender}`) : ''}</td>
              <td className="cell-place">{p.organization ?? ''}</td>
              <td>{p.title ?? ''}</td>
              <td className="nowrap">{p.phone ?? ''}</td>
              <td className="nowrap">{p.group ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
