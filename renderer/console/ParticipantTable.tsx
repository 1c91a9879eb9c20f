import { Fragment, type ReactNode } from 'react';
import type { Participant } from '../../shared/api/events';
import type { EventKind } from '../../shared/domain/vocabulary';
import type { MessageKey } from '../../shared/i18n';
import { useT, type Translate } from '../ui/i18n';

interface Column {
  label: MessageKey;
  className?: string;
  cell(p: Participant, t: Translate): ReactNode;
}

const name: Column = { label: 'participant.name', className: 'nowrap strong', cell: (p) => p.name };
const gender: Column = {
  label: 'participant.gender',
  className: 'nowrap',
  cell: (p, t) => (p.gender ? t(`gender.${p.gender}`) : ''),
};
const phone = (label: MessageKey): Column => ({ label, className: 'nowrap', cell: (p) => p.phone ?? '' });
const group: Column = { label: 'participant.group', className: 'nowrap', cell: (p) => p.group ?? '' };
const organization = (label: MessageKey): Column => ({
  label,
  className: 'cell-place',
  cell: (p) => p.organization ?? '',
});
const title = (label: MessageKey): Column => ({ label, cell: (p) => p.title ?? '' });

/** A contest lists speakers with their speech; a class lists where each trainee comes from. */
const columns: Record<EventKind, readonly Column[]> = {
  contest: [
    name,
    gender,
    organization('participant.organization'),
    title('participant.title'),
    phone('participant.phone'),
    group,
  ],
  training: [
    name,
    gender,
    { label: 'participant.ethnicity', className: 'nowrap', cell: (p) => p.ethnicity ?? '' },
    { label: 'participant.region', className: 'nowrap', cell: (p) => p.region ?? '' },
    organization('trainingConsole.col.organization'),
    title('trainingConsole.col.title'),
    phone('trainingConsole.col.phone'),
    group,
    { label: 'participant.note', cell: (p) => p.note ?? '' },
  ],
};

export function ParticipantTable({
  participants,
  kind = 'contest',
  actions,
  below,
}: {
  participants: readonly Participant[];
  kind?: EventKind;
  /** The row's buttons (编辑, 删除). */
  actions?: (p: Participant) => ReactNode;
  /** Shown right under one person's row: the question a deletion asks. */
  below?: { participantId: number; content: ReactNode } | null;
}) {
  const span = columns[kind].length + (actions ? 2 : 1);
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('participant.number')}
            </th>
            {columns[kind].map((column) => (
              <th key={column.label} scope="col">
                {t(column.label)}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{t('editing.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {participants.map((p, index) => (
            <Fragment key={p.id}>
              <tr data-testid="participant-row">
                <td className="num">{index + 1}</td>
                {columns[kind].map((column) => (
                  <td key={column.label} className={column.className}>
                    {column.cell(p, t)}
                  </td>
                ))}
                {actions ? <td className="cell-action nowrap">{actions(p)}</td> : null}
              </tr>
              {below?.participantId === p.id ? (
                <tr className="participant-below">
                  <td colSpan={span}>{below.content}</td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
