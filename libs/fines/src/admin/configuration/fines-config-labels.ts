const lists: Record<string, string> = {
  feeTypes: 'Fine/fee type',
  waiveReasons: 'Waive reason',
  paymentMethods: 'Payment method',
  debtLimits: 'Debt limit',
};
const fields: Record<string, string> = {
  code: 'code',
  description: 'description',
  vatRate: 'VAT %',
  userGroup: 'user group code',
  limit: 'limit',
  waivingFinesFeesLimit: 'Waiving limit',
  allowActivityOnTransferred: 'Allow activity on transferred fines/fees',
};

/** "Waive reason 4, code" for `waiveReasons.3.code`: how the summary above the form names each field in error. */
export function labelsOf(paths: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    paths.map((path) => {
      const [head = '', index, field] = path.split('.');
      const list = lists[head];
      if (list === undefined || index === undefined) return [path, fields[head] ?? path];
      const entry = `${list} ${Number(index) + 1}`;
      return [path, field === undefined ? entry : `${entry}, ${fields[field] ?? field}`];
    }),
  );
}
