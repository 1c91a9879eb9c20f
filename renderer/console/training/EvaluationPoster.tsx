import { createPortal } from 'react-dom';
import type { Session } from '../../../shared/api/training';
import { getBridge } from '../../api/bridge';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { useLocale, useT } from '../../ui/i18n';
import { QrCode } from '../QrCode';
import '../contest/JudgesPanel.css';
import { sessionWhen } from './format';

/**
 * The A4 poster of a session's evaluation QR, printed the way judges' cards are (their print view's page and bar,
 * JudgesPanel.css): the code stays the same when the evaluation is closed and opened again, so it can go up early.
 */
export function EvaluationPoster({ session, url, onClose }: { session: Session; url: string; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const action = useAction();
  const print = () => action.run('print', () => getBridge().print());

  return createPortal(
    <div className="contest-print" data-testid="evaluation-poster-view">
      <div className="contest-print-bar">
        <span>{t('evaluationsPanel.poster')}</span>
        <Button variant="primary" onClick={print}>
          {t('contest.print.print')}
        </Button>
        <Button onClick={onClose} data-testid="evaluation-poster-close">
          {t('contest.print.close')}
        </Button>
      </div>
      <section className="contest-print-page evaluation-poster-page">
        <h1>{t('evaluationScene.scan')}</h1>
        <p className="evaluation-poster-session">{session.title}</p>
        <p>
          {sessionWhen(session, t, locale)}
          {session.teacher ? ` · ${t('survey.teacher', { teacher: session.teacher })}` : ''}
        </p>
        <QrCode text={url} size={360} />
        <p className="contest-print-url">{url}</p>
        <p className="evaluation-poster-howto">{t('evaluationsPanel.posterHowTo')}</p>
      </section>
    </div>,
    document.body,
  );
}
