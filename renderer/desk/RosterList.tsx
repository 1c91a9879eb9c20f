import { useEffect, useRef } from 'react';
import type { RosterRow } from '../../shared/api/training';
import { clockTime } from '../checkin/sessionTime';
import { useT } from '../ui/i18n';

interface RosterListProps {
  id: string;
  rows: RosterRow[];
  loaded: boolean;
  highlight: number | null;
  optionId: (participantId: number) => string;
  onPick: (row: RosterRow) => void;
}

/** The trainees who fit what was typed, each with unit and phone tail: two of the same name can be told apart. */
export function RosterList({ id, rows, loaded, highlight, optionId, onPick }: RosterListProps) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (highlight === null) return;
    list.current?.querySelector(`[data-participant="${highlight}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);

  if (!loaded) return <p className="muted desk-loading">{t('app.loading')}</p>;
  return (
    <ul className="desk-roster" id={id} role="listbox" aria-label={t('deskPage.list')} ref={list}>
      {rows.map((row) => {
        const active = row.participantId === highlight;
        return (
          <li
            key={row.participantId}
            id={optionId(row.participantId)}
            role="option"
            aria-selected={active}
            className={active ? 'desk-row desk-row-active' : 'desk-row'}
            data-testid="desk-row"
            data-participant={row.participantId}
            data-status={row.status ?? 'none'}
            // The input keeps the focus; a click picks the row as Enter would.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(row)}
          >
            <span className="desk-row-name">{row.name}</span>
            <span className="desk-row-group">{row.group ?? ''}</span>
            <span className="desk-row-org">{row.organization ?? ''}</span>
            <span className="desk-row-phone">
              {row.phoneTail ? t('deskPage.phoneTail', { tail: row.phoneTail }) : ''}
            </span>
            <RowStatus row={row} />
          </li>
        );
      })}
    </ul>
  );
}

function RowStatus({ row }: { row: RosterRow }) {
  const t = useT();
  const time = row.at ? clockTime(row.at) : null;
  if (row.status === null) return <span className="desk-row-status desk-status-none">{t('deskPage.notIn')}</span>;
  const label =
    (row.status === 'present' || row.status === 'late') && time
      ? `${t(`attendance.status.${row.status}`)} · ${t('deskPage.already', { time })}`
      : t(`attendance.status.${row.status}`);
  return <span className={`desk-row-status desk-status-${row.status}`}>{label}</span>;
}
