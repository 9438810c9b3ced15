import type { Page } from 'playwright-core';

/** The parts of the admin app every browser test looks for, on whichever page `current` gives. */
export function pageParts(current: () => Page) {
  return {
    mainNav: () => current().getByRole('navigation', { name: 'Main' }),
    heading: (name: string | RegExp) => current().getByRole('heading', { level: 1, name }),
    toast: (text: string | RegExp) => current().getByRole('status').getByText(text),
    tab: (name: string) => current().getByRole('tab', { name }),
  };
}
