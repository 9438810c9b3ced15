import { useQuery } from '@tanstack/react-query';
import { sisPermissions } from '@ulms/sis/contracts';
import { Link, PageHeader, useAdminCan, useRouteSearch } from '@ulms/ui';
import '../sis-admin.css';
import { useSisTrpc } from '../sis-admin-context.js';
import { SisProfileForm } from './sis-profile.form.js';
import { SisProfileList } from './sis-profile-list.js';
import { profileLink, sisProfilesSearch } from './sis-profiles.search.js';

/** The profile of the address, read, then its form. */
function EditProfile({ id }: { readonly id: string }) {
  const trpc = useSisTrpc();
  const profile = useQuery(trpc.sis.profiles.get.queryOptions({ id }));
  if (profile.isError)
    return (
      <p className="ui-form-error" role="alert">
        Could not load the profile: {profile.error.message}
      </p>
    );
  return profile.data ? <SisProfileForm profile={profile.data} /> : <p aria-live="polite">Loading the profile…</p>;
}

/** SIS integration profiles: the list, and the form of the one chosen (or a new one). */
export function SisProfilesPage() {
  const search = useRouteSearch(sisProfilesSearch);
  const canManage = useAdminCan(sisPermissions.profileManage);
  const editing = search.profile;
  return (
    <>
      {editing ? (
        <p className="sis-breadcrumb">
          <Link {...profileLink()}>← SIS integration profiles</Link>
        </p>
      ) : null}
      <PageHeader
        title={
          editing === 'new'
            ? 'New SIS integration profile'
            : editing
              ? 'SIS integration profile'
              : 'SIS integration profiles'
        }
        description={
          editing
            ? undefined
            : 'How the files of the Student Information System are read and merged into the library’s users.'
        }
        actions={
          !editing && canManage ? (
            <Link className="ui-button ui-button--primary" {...profileLink('new')}>
              Add profile
            </Link>
          ) : null
        }
      />
      {editing === 'new' ? (
        <SisProfileForm />
      ) : editing ? (
        <EditProfile key={editing} id={editing} />
      ) : (
        <SisProfileList canManage={canManage} />
      )}
    </>
  );
}
