import { useT } from '../ui/i18n';
import type { MessageKey } from '../../shared/i18n';
import './KeysHelp.css';

const keys: readonly (readonly [string, MessageKey])[] = [
  ['1', 'screenKeys.leaderboard'],
  ['2', 'screenKeys.awards'],
  ['0 / Esc', 'screenKeys.auto'],
  ['F1 / ?', 'screenKeys.help'],
];

/** The projector machine's keys, for whoever stands at it (F1 or ?); Esc or a click closes it. */
export function KeysHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <div className="screen-help" role="dialog" aria-labelledby="screen-help-title" data-testid="screen-help">
      <div className="screen-help-box">
        <h2 id="screen-help-title" className="screen-help-title">
          {t('screenKeys.title')}
        </h2>
        <dl className="screen-help-keys">
          {keys.map(([key, label]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <p className="screen-help-note">{t('screenKeys.console')}</p>
        <button type="button" className="screen-help-close" onClick={onClose}>
          {t('screenKeys.close')}
        </button>
      </div>
    </div>
  );
}
