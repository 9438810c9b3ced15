import { fieldLabels } from '../user-form/user-form.schema.js';

const partLabels: Readonly<Record<string, string>> = {
  emailAddress: 'Email address',
  emailTypes: 'Email types',
  line1: 'Address line 1',
  line2: 'Address line 2',
  line3: 'Address line 3',
  city: 'City',
  postalCode: 'Postal code',
  addressTypes: 'Address types',
  phoneNumber: 'Phone number',
  phoneTypes: 'Phone types',
  idType: 'Identifier type',
  value: 'Identifier value',
};

const listLabels: Readonly<Record<string, string>> = {
  emails: 'Email',
  addresses: 'Address',
  phones: 'Phone',
  identifiers: 'Identifier',
};

/** A person's name for a server field path such as `emails.1.emailAddress` ("Email 2: Email address"). */
export function labelOfPath(path: string): string {
  const [list, index, part] = path.split('.');
  if (list && index !== undefined && part && listLabels[list]) {
    return `${listLabels[list]} ${Number(index) + 1}: ${partLabels[part] ?? part}`;
  }
  return fieldLabels[path] ?? path;
}

/** Labels for every path among the errors, for the summary at the top of a form. */
export function labelsFor(errors: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(errors).map((path) => [path, labelOfPath(path)]));
}
