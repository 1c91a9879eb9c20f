import { useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import { keys } from '../api/queries';
import { useAction } from '../api/useAction';
import { Button } from '../ui/Button';
import { useT } from '../ui/i18n';
import { QuickStart } from './HelpAbout';
import './help.css';

/** The console with no event yet: create one, or load the sample contest and class; the quick start beside. */
export function FirstRun({ api, onCreate }: { api: ApiClient; onCreate: () => void }) {
  const t = useT();
  const action = useAction();
  const client = useQueryClient();

  const loadDemo = () =>
    action.run('demo', () => api.call('loadDemo'), {
      done: ({ added }) =>
        added.length > 0 ? t('firstRun.demoLoaded', { titles: added.join('；') }) : t('firstRun.demoThere'),
      then: () => void client.invalidateQueries({ queryKey: keys.events }),
    });

  return (
    <section className="panel first-run" data-testid="first-run">
      <div className="first-run-start">
        <h2 className="panel-title">{t('firstRun.title')}</h2>
        <p>{t('firstRun.intro')}</p>
        <div className="form-actions">
          <Button variant="primary" onClick={onCreate} data-testid="first-run-create">
            {t('firstRun.create')}
          </Button>
          <Button onClick={loadDemo} busy={action.busy === 'demo'} data-testid="first-run-demo">
            {action.busy === 'demo' ? t('firstRun.loadingDemo') : t('firstRun.demo')}
          </Button>
        </div>
        <p className="muted">{t('firstRun.demoHint')}</p>
      </div>
      <div className="first-run-help">
        <h2 className="panel-title">{t('firstRun.help')}</h2>
        <QuickStart />
      </div>
    </section>
  );
}
