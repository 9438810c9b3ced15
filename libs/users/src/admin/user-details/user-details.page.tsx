import { useQuery } from '@tanstack/react-query';
import { Link, useAdminExtensions, useNavigate, usePageTitle, useRouteSearch } from '@ulms/ui';
import { usersAdminExtensionPoints, usersPermissions } from '@ulms/users/contracts';
import { useId } from 'react';
import { TabList } from '../shared/tab-list.js';
import { type UserDetailsTab, userDetailsLink, userDetailsSearch, usersPaths } from '../shared/users-paths.js';
import { useCan, useUsersTrpc } from '../users-admin-context.js';
import { AttachmentsTab } from './attachments-tab.js';
import { ContactTab } from './contact-tab.js';
import { GeneralTab } from './general-tab.js';
import { HistoryTab } from './history-tab.js';
import { IdentifiersTab } from './identifiers-tab.js';
import { NotesTab } from './notes-tab.js';
import { RolesTab } from './roles-tab.js';
import { StatisticsTab } from './statistics-tab.js';
import { useSaveUser } from './use-save-user.js';
import { UserActions } from './user-actions.js';
import { UserLoadError } from './user-load-error.js';
import { UserSummary } from './user-summary.js';

const ownTabs: { value: UserDetailsTab; label: string }[] = [
  { value: 'general', label: 'General information' },
  { value: 'contact', label: 'Contact information' },
  { value: 'identifiers', label: 'Identifiers' },
  { value: 'notes', label: 'Notes' },
  { value: 'statistics', label: 'Statistics' },
  { value: 'attachments', label: 'Attachments' },
  { value: 'roles', label: 'Roles' },
  { value: 'history', label: 'History' },
];

/**
 * User Details at /users/$id: the header with its actions, the General to History tabs and after them the tabs
 * enabled modules contribute (`usersAdminExtensionPoints.userRecordTabs`), each chosen with `?tab=`.
 */
export function UserDetailsPage({ id }: { readonly id: string }) {
  const trpc = useUsersTrpc();
  const navigate = useNavigate();
  const search = useRouteSearch(userDetailsSearch);
  const panelId = useId();
  const canEdit = useCan(usersPermissions.userUpdate);
  const saver = useSaveUser();
  const contributed = useAdminExtensions(usersAdminExtensionPoints.userRecordTabs);
  const user = useQuery(trpc.users.get.queryOptions({ id }));
  usePageTitle(
    user.data ? user.data.fullName || user.data.primaryId : user.isError ? 'User not found' : 'User details',
  );

  if (user.isPending) return <p aria-live="polite">Loading the user…</p>;
  if (user.isError) return <UserLoadError error={user.error} onRetry={() => void user.refetch()} />;
  const data = user.data;
  // A Contact has neither identifiers nor roles.
  const own =
    data.recordType === 'CONTACT' ? ownTabs.filter((t) => t.value !== 'identifiers' && t.value !== 'roles') : ownTabs;
  const builtIn = new Set<string>(ownTabs.map((t) => t.value));
  const others = contributed.filter((t) => !builtIn.has(t.id) && (t.shownFor?.(data) ?? true));
  const tabs: { value: string; label: string }[] = [...own, ...others.map((t) => ({ value: t.id, label: t.label }))];
  const tab = tabs.find((t) => t.value === search.tab)?.value ?? 'general';
  const Contributed = others.find((t) => t.id === tab)?.component;
  return (
    <>
      <nav aria-label="Breadcrumb" className="users-breadcrumb">
        <Link to={usersPaths.find}>Find and Manage Users</Link> <span aria-hidden="true">›</span>{' '}
        {data.fullName || data.primaryId}
      </nav>
      <UserSummary user={data} actions={<UserActions user={data} />} />
      <TabList
        label="User details"
        tabs={tabs}
        selected={tab}
        panelId={panelId}
        onSelect={(next) => {
          saver.reset();
          void navigate({ ...userDetailsLink(id, next), replace: true });
        }}
      />
      <div id={panelId} role="tabpanel" aria-label={tabs.find((t) => t.value === tab)?.label}>
        {tab === 'general' ? <GeneralTab key={data.updatedAt.toISOString()} user={data} saver={saver} /> : null}
        {tab === 'contact' ? <ContactTab user={data} saver={saver} canEdit={canEdit} /> : null}
        {tab === 'identifiers' ? <IdentifiersTab user={data} saver={saver} canEdit={canEdit} /> : null}
        {tab === 'notes' ? <NotesTab user={data} canEdit={canEdit} /> : null}
        {tab === 'statistics' ? <StatisticsTab user={data} canEdit={canEdit} /> : null}
        {tab === 'attachments' ? <AttachmentsTab user={data} canEdit={canEdit} /> : null}
        {tab === 'roles' ? <RolesTab user={data} /> : null}
        {tab === 'history' ? <HistoryTab userId={data.id} /> : null}
        {Contributed ? <Contributed userId={data.id} /> : null}
      </div>
      {saver.dialogs}
    </>
  );
}
