// Our field paths (`identifiers.0.value`, `userGroup`) as the Alma user document names them
// (`user_identifier[0].value`, `user_group`), so that error messages speak the API's language.

const lists: Readonly<Record<string, string>> = {
  identifiers: 'user_identifier',
  roles: 'user_role',
  emails: 'contact_info.email',
  addresses: 'contact_info.address',
  phones: 'contact_info.phone',
  notes: 'user_note',
  statistics: 'user_statistic',
  rsLibraries: 'rs_library',
  purchaseRequestLibraries: 'purchase_request_library',
  libraryNotices: 'library_notice',
};

/** Fields inside a list item whose Alma name is not their snake_case. */
const itemFields: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  roles: { role: 'role_type' },
  notes: { text: 'note_text', popUp: 'popup_note' },
  statistics: { category: 'statistic_category', note: 'statistic_note' },
  emails: { emailTypes: 'email_type' },
  addresses: { addressTypes: 'address_type' },
  phones: { phoneTypes: 'phone_type' },
};

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The Alma path of one of our field paths; a path already in Alma's terms comes back unchanged. */
export function almaFieldPath(field: string): string {
  if (!field || /[[_]/.test(field)) return field;
  const [head = '', ...rest] = field.split('.');
  let path = lists[head] ?? snakeCase(head);
  let list = head in lists ? head : undefined;
  for (const segment of rest) {
    if (/^\d+$/.test(segment)) {
      path += `[${segment}]`;
      continue;
    }
    path += `.${(list && itemFields[list]?.[segment]) ?? snakeCase(segment)}`;
    list = undefined;
  }
  return path;
}
