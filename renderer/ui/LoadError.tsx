import { ApiError } from '../api/client';
import { Button } from './Button';
import { Notice } from './Notice';
import { useT } from './i18n';
import { useErrorMessage } from './useErrorMessage';

/** The server's sentence about what went wrong, with a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = useErrorMessage();
  // Trying again cannot fix a wrong or missing token; the message says what will.
  const retryHelps = !(error instanceof ApiError && (error.status === 401 || error.status === 403));
  return (
    <Notice
      tone="error"
      action={onRetry && retryHelps ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined}
    >
      {message(error)}
    </Notice>
  );
}
