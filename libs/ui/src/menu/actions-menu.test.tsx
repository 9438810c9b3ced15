import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionsMenu, ActionsMenuItem } from './actions-menu.js';

describe('ActionsMenu', () => {
  it('is one button named for its row, opening a menu; the items render only when it is open', () => {
    const html = renderToStaticMarkup(
      <ActionsMenu label="Actions for Ada Lovelace">
        <ActionsMenuItem onSelect={() => undefined}>Delete</ActionsMenuItem>
      </ActionsMenu>,
    );
    expect(html).toMatch(/<button type="button"[^>]*aria-haspopup="menu"[^>]*aria-expanded="false"/);
    expect(html).toContain('aria-label="Actions for Ada Lovelace"');
    expect(html).not.toContain('Delete');
  });
});
