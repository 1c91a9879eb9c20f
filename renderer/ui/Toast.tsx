import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from './i18n';

type Tone = 'success' | 'error';
interface ToastItem {
  id: number;
  message: string;
  tone: Tone;
  shownAt: number;
}
type ShowToast = (message: string, tone?: Tone) => void;

const ToastContext = createContext<ShowToast | null>(null);
// Clears every toast: a confirmation belongs to the screen it was given on.
const ClearContext = createContext<() => void>(() => {});
// Where the page keeps room for toasts (in its header, between the names and the buttons).
const SlotContext = createContext<(slot: HTMLElement | null) => void>(() => {});
// Long enough to read a sentence twice; people in a busy hall look away from the screen.
const visibleMs = 6000;
// A toast this fresh when the page changes announces that change (e.g. "created", then the new event opens).
const announcesMs = 1000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((toast) => toast.id !== id));
    window.clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  const show = useCallback<ShowToast>(
    (message, tone = 'success') => {
      const id = nextId.current++;
      // Two at most: a pile of confirmations would cover the form being filled in.
      setToasts((list) => [...list.slice(-1), { id, message, tone, shownAt: Date.now() }]);
      timers.current.set(
        id,
        window.setTimeout(() => dismiss(id), visibleMs),
      );
    },
    [dismiss],
  );

  /** Clears the toasts shown before `since` (ms since the epoch); all of them without it. */
  const clear = useCallback((since = Infinity) => {
    setToasts((list) => {
      const gone = list.filter((toast) => toast.shownAt < since);
      for (const toast of gone) {
        window.clearTimeout(timers.current.get(toast.id));
        timers.current.delete(toast.id);
      }
      return list.filter((toast) => !gone.includes(toast));
    });
  }, []);

  const clearAll = useCallback(() => clear(), [clear]);

  useEffect(() => {
    const pending = timers.current;
    // Another page (another event, the list) was opened: what was said about the last one no longer applies.
    const pageChanged = () => clear(Date.now() - announcesMs);
    window.addEventListener('hashchange', pageChanged);
    return () => {
      window.removeEventListener('hashchange', pageChanged);
      pending.forEach((timer) => window.clearTimeout(timer));
    };
  }, [clear]);

  return (
    <ToastContext value={show}>
      <ClearContext value={clearAll}>
        <SlotContext value={setSlot}>
          {children}
          {slot ? (
            createPortal(<ToastRegion toasts={toasts} onDismiss={dismiss} />, slot)
          ) : (
            <ToastRegion toasts={toasts} onDismiss={dismiss} />
          )}
        </SlotContext>
      </ClearContext>
    </ToastContext>
  );
}

function ToastRegion({ toasts, onDismiss }: { toasts: ToastItem[]; onDismiss: (id: number) => void }) {
  const t = useT();
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} data-testid="toast">
          <span>{toast.message}</span>
          <button
            type="button"
            className="toast-close"
            aria-label={t('app.close')}
            onClick={() => onDismiss(toast.id)}
          />
        </div>
      ))}
    </div>
  );
}

/** A ref for the place a page keeps for toasts: there they take room instead of covering a button. */
export function useToastSlot(): (slot: HTMLElement | null) => void {
  return useContext(SlotContext);
}

/** Clears the toasts when the organiser moves on within a page (another tab). */
export function useClearToasts(): () => void {
  return useContext(ClearContext);
}

export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('ToastProvider is missing above this component');
  return show;
}
