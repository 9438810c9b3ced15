import type { Page } from 'playwright-core';

/** The parts of the admin app every browser test looks for, on whichever page `current` gives. */
export function pageParts(current: () => Page) {
  return {
    mainNav: () => current().getByRole('navigation', { name: 'Main' }),
    heading: (name: string | RegExp) => current().getByRole('heading', { level: 1, name }),
    toast: (text: string | RegExp) => current().getByRole('status').getByText(text),
    tab: (name: string) => current().getByRole('tab', { name }),
    /** Closes every toast shown: an error one stays until dismissed and may cover what is clicked next. */
    dismissToasts: async () => {
      const dismiss = current().getByRole('button', { name: 'Dismiss' });
      while ((await dismiss.count()) > 0) await dismiss.first().click();
    },
  };
}
