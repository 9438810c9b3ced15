// Shared React pieces of the admin app and of every module's `./admin` entry.
export { DataTable, type DataTableProps } from './data-table/data-table.js';
export type { PaginationState } from './data-table/pagination-bar.js';
export type { SortingState, ColumnDef } from '@tanstack/react-table';
export { TextField, type TextFieldProps } from './form/text-field.js';
export { PasswordField } from './form/password-field.js';
export { SelectField, type SelectFieldProps, type SelectOption } from './form/select-field.js';
export { CheckboxField, type CheckboxFieldProps } from './form/checkbox-field.js';
export { FormError, type FormErrorProps } from './form/form-error.js';
export { Dialog, type DialogProps } from './dialog/dialog.js';
export { ConfirmDialog, type ConfirmDialogProps } from './dialog/confirm-dialog.js';
export { ToastProvider } from './toast/toast-provider.js';
export { useToast, type ToastApi, type ToastTone } from './toast/toast-context.js';
export { Link, type LinkProps } from './router/link.js';
export { useRoute } from './router/use-route.js';
export { navigate } from './router/location-store.js';
export { isActivePath, safeReturnPath, type Route } from './router/parse-location.js';
export { fieldErrorsOf, errorCodeOf, formMessageOf } from './trpc/field-errors.js';
export { JsonSchemaForm, type JsonSchemaFormProps } from './json-schema-form/json-schema-form.js';
