import { Link } from '@tanstack/react-router';
import { PageHeader } from '@ulms/ui';

/** Shown for unknown paths and for pages the staff member may not open, without telling which. */
export function NoAccessPage() {
  return (
    <>
      <PageHeader title="You do not have access to this page" />
      <div className="panel">
        <p>
          The page does not exist, its module is not enabled for your institution, or your roles do not include the
          permission it needs. Ask your administrator if you think you should have access.
        </p>
        <Link to="/" className="ui-button ui-button--primary">
          Go to the start page
        </Link>
      </div>
    </>
  );
}
