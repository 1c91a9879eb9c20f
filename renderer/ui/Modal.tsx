import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A dialog over the page (styles in modal.css): the dimmed backdrop, the card, its label, and closing by Escape or a
 * click beside the card, except while `closable` is false (a restore or an import under way).
 */
export function Modal({
  labelledBy,
  onClose,
  closable = true,
  className,
  backdropClassName,
  role = 'dialog',
  focusOnOpen = false,
  onSubmit,
  testId,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  closable?: boolean;
  /** The page's own class that sizes the card. */
  className: string;
  backdropClassName?: string;
  /** `alertdialog` for a question that replaces or removes something. */
  role?: 'dialog' | 'alertdialog';
  /** Moves the focus to the card when it opens (when no field inside takes it). */
  focusOnOpen?: boolean;
  /** Makes the card a form: Enter in a field submits it. */
  onSubmit?: (event: FormEvent) => void;
  testId?: string;
  children: ReactNode;
}) {
  const card = useRef<HTMLDivElement & HTMLFormElement>(null);
  useEffect(() => {
    if (focusOnOpen) card.current?.focus();
  }, [focusOnOpen]);

  const close = () => closable && onClose();
  const props = {
    ref: card,
    className: `modal ${className}`,
    role,
    'aria-modal': true,
    'aria-labelledby': labelledBy,
    tabIndex: -1,
    onKeyDown: (e: { key: string }) => e.key === 'Escape' && close(),
    'data-testid': testId,
  };
  return (
    <div
      className={backdropClassName ? `modal-backdrop ${backdropClassName}` : 'modal-backdrop'}
      onClick={(e) => e.target === e.currentTarget && close()}
    >
      {onSubmit ? (
        <form {...props} onSubmit={onSubmit} noValidate>
          {children}
        </form>
      ) : (
        <div {...props}>{children}</div>
      )}
    </div>
  );
}
