// Shared React pieces of the admin app and of every module's `./admin` entry.
export { DataTable, type DataTableProps } from './data-table/data-table.js';
export type { PaginationState } from './data-table/pagination-bar.js';
export type { SortingState, ColumnDef } from '@tanstack/react-table';
export { TextField, type TextFieldProps } from './form/text-field.js';
export { TextAreaField, type TextAreaFieldProps } from './form/text-area-field.js';
export { PasswordField } from './form/password-field.js';
export { SelectField, type SelectFieldProps, type SelectOption } from './form/select-field.js';
export { CheckboxField, type CheckboxFieldProps } from './form/checkbox-field.js';
export { FormError, type FormErrorProps } from './form/form-error.js';
export { errorAt, flatFieldErrors, setServerErrors } from './form/server-errors.js';
export { useUnsavedChangesGuard, type UnsavedChangesGuard } from './unsaved-changes/use-unsaved-changes-guard.js';
export { useGuardedClose, type GuardedClose } from './unsaved-changes/use-guarded-close.js';
export { Dialog, type DialogProps } from './dialog/dialog.js';
export { ConfirmDialog, type ConfirmDialogProps } from './dialog/confirm-dialog.js';
export { FormDialogActions, type FormDialogActionsProps } from './dialog/form-dialog-actions.js';
export { ActionsMenu, type ActionsMenuProps, ActionsMenuItem, type ActionsMenuItemProps } from './menu/actions-menu.js';
export { ToastProvider } from './toast/toast-provider.js';
export { useToast, type ToastApi, type ToastTone } from './toast/toast-context.js';
// Modules reach the app's TanStack Router through these, so the app and every module share one router.
export {
  Link,
  type LinkProps,
  Navigate,
  useBlocker,
  useLocation,
  useNavigate,
  useParams,
} from '@tanstack/react-router';
export { useRouteSearch } from './routing/use-route-search.js';
export { usePageTitle } from './routing/use-page-title.js';
export { useDebouncedValue } from './hooks/use-debounced-value.js';
export { safeReturnPath } from './routing/safe-return-path.js';
export { parsePlainSearch, stringifyPlainSearch } from './routing/search-serialization.js';
export { PageHeader, type PageHeaderProps } from './layout/page-header.js';
export { fieldErrorsOf, errorCodeOf, formMessageOf } from './trpc/field-errors.js';
export { JsonSchemaForm, type JsonSchemaFormProps } from './json-schema-form/json-schema-form.js';
export { fieldsOfSchema, type ConfigField } from './json-schema-form/schema-fields.js';
// The contract between the admin app and every module's or institution's admin plugin.
export {
  type AdminConfigurationPage,
  type AdminContribution,
  type AdminExtension,
  type AdminExtensionPoint,
  type AdminPlugin,
  type AdminRoute,
  contribute,
  createAdminExtensionPoint,
  defineAdminPlugin,
  type JobAction,
  type JobReportView,
} from './admin-plugin/admin-plugin.js';
export { type AdminAccess, adminExtensionsFor, enabledAdminPlugins } from './admin-plugin/admin-access.js';
export {
  type AdminHost,
  AdminHostProvider,
  type AdminHostProviderProps,
  useAdminCan,
  useAdminExtensions,
  useAdminHost,
  useAdminTrpc,
} from './admin-plugin/admin-host.js';
