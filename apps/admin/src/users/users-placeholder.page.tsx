import { PageHeader } from '@ulms/ui';

/** Holds the place of the users module's screens until that module ships its `./admin` entry. */
export function UsersPlaceholderPage() {
  return (
    <>
      <PageHeader title="Find and Manage Users" />
      <div className="panel">
        <p>The screens for finding and managing users come with the users module.</p>
      </div>
    </>
  );
}
