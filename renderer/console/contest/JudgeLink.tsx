import type { IssuedJudge, Judge } from '../../../shared/api/contest';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';

/** A judge whose card can be printed here: the link works and this computer can open its sealed copy. */
export function printable(judge: Judge): judge is IssuedJudge {
  return judge.link === 'active' && judge.token !== null && judge.joinUrl !== null && judge.joinCode !== null;
}

/** In place of the QR and link: why there is none (停用, or sealed on another computer) and what to do. */
export function JudgeLinkState({ judge }: { judge: Judge }) {
  const t = useT();
  const revoked = judge.link === 'revoked';
  return (
    <div className="contest-judge-link-state" data-testid="judge-link-state">
      <span className={`tag ${revoked ? 'tag-off' : 'contest-judge-link-warn'}`} data-testid="judge-link-tag">
        {t(revoked ? 'judgeLink.revokedTag' : 'judgeLink.unprintableTag')}
      </span>
      <p className="muted">{t(revoked ? 'judgeLink.revokedHelp' : 'judgeLink.unprintableHelp')}</p>
    </div>
  );
}

export type LinkChange = 'reissue' | 'revoke';

/** Asked in the card before a link changes: what stops working, and how to undo it. */
export function JudgeLinkQuestion({
  judge,
  change,
  busy,
  onConfirm,
  onCancel,
}: {
  judge: Judge;
  change: LinkChange;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <Notice
      tone="error"
      action={
        <span className="contest-judge-actions">
          <Button variant="primary" busy={busy} onClick={onConfirm} data-testid={`judge-${change}-confirm`}>
            {t(change === 'reissue' ? 'judgeLink.reissue' : 'judgeLink.revoke')}
          </Button>
          <Button onClick={onCancel} disabled={busy}>
            {t('judgeCard.cancel')}
          </Button>
        </span>
      }
    >
      <span data-testid={`judge-${change}-question`}>
        {t(change === 'reissue' ? 'judgeLink.reissueConfirm' : 'judgeLink.revokeConfirm', { name: judge.name })}
      </span>
    </Notice>
  );
}
