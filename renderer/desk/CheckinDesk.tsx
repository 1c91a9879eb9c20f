import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { Checkin, RosterRow } from '../../shared/api/training';
import { searchTrainees } from '../../shared/domain/nameSearch';
import { ApiError, type ApiClient } from '../api/client';
import { Button } from '../ui/Button';
import { useT } from '../ui/i18n';
import { useErrorMessage } from '../ui/useErrorMessage';
import { DeskCounts } from './DeskCounts';
import { DeskOutcome, type Outcome } from './DeskOutcome';
import { RosterList } from './RosterList';
import { emptyPicker, onEnter, pickerReducer, rosterCounts } from './deskState';

interface CheckinDeskProps {
  api: ApiClient;
  eventId: number;
  sessionId: number;
  rows: RosterRow[];
  loaded: boolean;
  /** The list changed here: read it again. */
  onChanged: () => void;
}

/** One session's door: type, pick, Enter; the result big; Ctrl+Z takes the last one back. */
export function CheckinDesk({ api, eventId, sessionId, rows, loaded, onChanged }: CheckinDeskProps) {
  const t = useT();
  const message = useErrorMessage();
  const [picker, dispatch] = useReducer(pickerReducer, emptyPicker);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Checkin | null>(null);
  const [paper, setPaper] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // An empty box lists everyone, to see who is still missing.
  const matches = useMemo(
    () => (picker.query.trim() === '' ? rows : searchTrainees(picker.query, rows).map((found) => found.trainee)),
    [rows, picker.query],
  );
  const counts = useMemo(() => rosterCounts(rows), [rows]);
  const params = { id: String(eventId), sid: String(sessionId) };

  async function checkIn(row: RosterRow): Promise<void> {
    setBusy(true);
    try {
      const checkin = await api.call('checkin', {
        params,
        body: paper ? { participantId: row.participantId, paper: true } : { participantId: row.participantId },
      });
      setOutcome({ kind: 'in', checkin, paper });
      setLast(checkin);
      dispatch({ type: 'type', query: '' });
    } catch (error) {
      // 409: already in; the host's sentence says since when.
      const already = error instanceof ApiError && error.status === 409;
      setOutcome({ kind: already ? 'already' : 'error', message: message(error) });
    } finally {
      setBusy(false);
      onChanged();
      input.current?.focus();
    }
  }

  async function undo(): Promise<void> {
    if (!last || busy) return;
    setBusy(true);
    try {
      await api.call('undoCheckin', { params: { ...params, pid: String(last.participantId) } });
      setOutcome({ kind: 'undone', name: last.name });
      setLast(null);
    } catch (error) {
      setOutcome({ kind: 'error', message: message(error) });
    } finally {
      setBusy(false);
      onChanged();
      input.current?.focus();
    }
  }

  // Ctrl+Z works wherever the focus is; text undo inside the search box is worth less than this.
  const undoRef = useRef(undo);
  useEffect(() => {
    undoRef.current = undo;
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void undoRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      dispatch({ type: 'move', by: e.key === 'ArrowDown' ? 1 : -1, count: matches.length });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      dispatch({ type: 'type', query: '' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (busy) return;
      // An empty box checks nobody in, unless a row was picked with the arrows.
      if (picker.query.trim() === '' && !picker.chosen) return;
      const next = onEnter(matches, picker);
      if (next.kind === 'checkin') void checkIn(next.row);
      else if (next.kind === 'choose') setOutcome({ kind: 'choose', count: next.count });
      else setOutcome({ kind: 'none', query: picker.query.trim() });
    }
  }

  const highlighted = matches[Math.min(picker.highlight, Math.max(0, matches.length - 1))];
  const optionId = (participantId: number) => `desk-row-${participantId}`;

  return (
    <div className={paper ? 'desk-main desk-paper' : 'desk-main'}>
      <DeskCounts counts={counts} />
      <div className="desk-entry">
        <label className="desk-search">
          <span className="desk-search-label">{t('deskPage.search')}</span>
          <input
            ref={input}
            // The door has one job: typing starts at once.
            autoFocus
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls="desk-roster"
            aria-activedescendant={highlighted ? optionId(highlighted.participantId) : undefined}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="done"
            placeholder={t('deskPage.searchPlaceholder')}
            value={picker.query}
            data-testid="desk-search"
            onChange={(e) => dispatch({ type: 'type', query: e.currentTarget.value })}
            onKeyDown={onKeyDown}
          />
        </label>
        <div className="desk-tools">
          <label className="desk-paper-toggle">
            <input
              type="checkbox"
              checked={paper}
              data-testid="desk-paper"
              onChange={(e) => {
                setPaper(e.currentTarget.checked);
                input.current?.focus();
              }}
            />
            {t('deskPage.paper')}
          </label>
          <Button
            data-testid="desk-undo"
            disabled={!last || busy}
            onClick={() => {
              void undo();
            }}
          >
            {t('deskPage.undo')} <kbd>Ctrl+Z</kbd>
          </Button>
        </div>
      </div>
      {paper ? (
        <p className="desk-paper-note" role="status">
          {t('deskPage.paperOn')}
        </p>
      ) : null}
      <p className="desk-keys muted">{t('deskPage.keys')}</p>
      <DeskOutcome outcome={outcome} />
      <RosterList
        id="desk-roster"
        rows={matches}
        loaded={loaded}
        highlight={highlighted?.participantId ?? null}
        optionId={optionId}
        onPick={(row) => {
          if (!busy) void checkIn(row);
        }}
      />
    </div>
  );
}
