import { Empty } from './Notice';
import { Page } from './Page';

/** A role's page whose features arrive with a later module: it says so instead of showing a blank. */
export function ComingSoon({ title, message }: { title: string; message: string }) {
  return (
    <Page title={title} width="narrow">
      <div className="card">
        <h1 className="page-title">{title}</h1>
        <Empty>{message}</Empty>
      </div>
    </Page>
  );
}
