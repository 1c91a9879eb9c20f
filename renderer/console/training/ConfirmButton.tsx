import { useState } from 'react';
import { Button } from '../../ui/Button';
import { useT } from '../../ui/i18n';

interface ConfirmButtonProps {
  label: string;
  /** What will happen, said before it does: "删除…？…不能恢复。" */
  question: string;
  busy?: boolean;
  testId: string;
  onConfirm: () => void;
}

/** A button for what cannot be undone: the first press asks, in words, and only the second one acts. */
export function ConfirmButton({ label, question, busy = false, testId, onConfirm }: ConfirmButtonProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="quiet" busy={busy} data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="training-confirm" role="alertdialog" aria-label={question} data-testid={`${testId}-ask`}>
      <span className="training-confirm-question">{question}</span>
      <Button
        variant="primary"
        busy={busy}
        data-testid={`${testId}-confirm`}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {label}
      </Button>
      <Button onClick={() => setAsking(false)}>{t('trainingConsole.cancel')}</Button>
    </span>
  );
}
