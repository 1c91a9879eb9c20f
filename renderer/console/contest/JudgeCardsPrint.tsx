import { useEffect, useEffectEvent } from 'react';
import { createPortal } from 'react-dom';
import type { IssuedJudge, Rubric } from '../../../shared/api/contest';
import { getBridge } from '../../api/bridge';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { useT } from '../../ui/i18n';
import { QrCode } from '../QrCode';

/**
 * One page per judge: name, QR, address, the join code with the short address to type when the QR's address
 * fails, and the rubric — the paper fallback when a laptop fails.
 */
export function JudgeCardsPrint({
  judges,
  skipped = 0,
  rubric,
  shortUrl,
  onClose,
}: {
  /** Judges whose card can be printed here (a working link this computer can open). */
  judges: readonly IssuedJudge[];
  /** Judges left out: shut out (停用) or needing a new link. */
  skipped?: number;
  rubric: Rubric | null;
  /** `http://VENUE-ADDRESS:PORT/j`, where the join code is typed. */
  shortUrl: string;
  onClose: () => void;
}) {
  const t = useT();
  const action = useAction();
  const print = () => action.run('print', () => getBridge().print());
  const printWhenReady = useEffectEvent(print);

  // The QR pictures are drawn asynchronously; print once they are all there (or after a short wait).
  useEffect(() => {
    let frames = 0;
    let handle = 0;
    const check = () => {
      const area = document.querySelector('.contest-print');
      const images = area ? area.querySelectorAll('img').length : 0;
      if (images >= judges.length || frames++ > 120) printWhenReady();
      else handle = window.requestAnimationFrame(check);
    };
    handle = window.requestAnimationFrame(check);
    return () => window.cancelAnimationFrame(handle);
  }, [judges.length]);

  return createPortal(
    <div className="contest-print" data-testid="judge-print-view">
      <div className="contest-print-bar">
        <span>{t('contest.print.title', { count: judges.length })}</span>
        {skipped > 0 ? (
          <span data-testid="judge-print-skipped">{t('judgeLink.printSkipped', { count: skipped })}</span>
        ) : null}
        <Button variant="primary" onClick={print}>
          {t('contest.print.print')}
        </Button>
        <Button onClick={onClose} data-testid="judge-print-close">
          {t('contest.print.close')}
        </Button>
      </div>
      {judges.map((judge) => (
        <section key={judge.id} className="contest-print-page">
          <h1>{t('contest.print.heading')}</h1>
          <p className="contest-print-name">{judge.name}</p>
          {judge.organization ? <p>{judge.organization}</p> : null}
          <QrCode text={judge.joinUrl} size={220} />
          <p className="contest-print-url">{judge.joinUrl}</p>
          <p className="contest-print-code" data-testid="judge-print-code">
            {t('judgeCard.code')} <strong>{judge.joinCode}</strong>
          </p>
          <p className="contest-print-manual" data-testid="judge-print-manual">
            {t('judgeCard.manual', { url: shortUrl, code: judge.joinCode })}
          </p>
          <p>{t('contest.print.howTo')}</p>
          {rubric ? (
            <table className="contest-print-rubric">
              <thead>
                <tr>
                  <th>{t('rubric.criterionName')}</th>
                  <th>{t('rubric.criterionMax')}</th>
                  <th>{t('rubric.criterionStep')}</th>
                  <th>{t('contest.print.score')}</th>
                </tr>
              </thead>
              <tbody>
                {rubric.criteria.map((c) => (
                  <tr key={c.key}>
                    <td>{c.name}</td>
                    <td>{c.max}</td>
                    <td>{c.step}</td>
                    <td />
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('contest.rubric.none')}</p>
          )}
        </section>
      ))}
    </div>,
    document.body,
  );
}
