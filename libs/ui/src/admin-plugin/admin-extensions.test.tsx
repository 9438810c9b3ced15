import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { adminExtensionsFor } from './admin-access.js';
import { AdminHostProvider, useAdminExtensions, useAdminTrpc } from './admin-host.js';
import { contribute, createAdminExtensionPoint, defineAdminPlugin } from './admin-plugin.js';

interface Tab {
  readonly id: string;
  readonly label: string;
  readonly permission?: string;
}

const tabs = createAdminExtensionPoint<Tab>('people.tabs');
const badges = createAdminExtensionPoint<{ id: string; text: string }>('people.badges');

const plugins = [
  defineAdminPlugin({
    moduleId: 'fines',
    title: 'Fines',
    routes: [],
    contributions: [
      contribute(tabs, { id: 'fines', label: 'Fines', permission: 'fines.read' }),
      contribute(badges, { id: 'owes', text: 'Owes' }),
    ],
  }),
  defineAdminPlugin({
    moduleId: 'blocks',
    title: 'Blocks',
    routes: [],
    contributions: [contribute(tabs, { id: 'blocks', label: 'Blocks' })],
  }),
  defineAdminPlugin({
    moduleId: 'proxies',
    title: 'Proxies',
    routes: [],
    contributions: [contribute(tabs, { id: 'proxies', label: 'Proxies', permission: 'proxies.read' })],
  }),
];

const everything = { enabledModules: ['proxies', 'blocks', 'fines'], permissions: ['fines.read', 'proxies.read'] };
const ids = (values: readonly { id: string }[]) => values.map((value) => value.id);

describe('adminExtensionsFor', () => {
  it("gives one point's contributions in plugin order, whatever the order of the enabled modules", () => {
    expect(ids(adminExtensionsFor(plugins, tabs, everything))).toEqual(['fines', 'blocks', 'proxies']);
    expect(ids(adminExtensionsFor(plugins, badges, everything))).toEqual(['owes']);
  });

  it('leaves out the contributions of modules not enabled for the institution', () => {
    const access = { ...everything, enabledModules: ['blocks', 'proxies'] };
    expect(ids(adminExtensionsFor(plugins, tabs, access))).toEqual(['blocks', 'proxies']);
    expect(adminExtensionsFor(plugins, badges, access)).toEqual([]);
    expect(adminExtensionsFor(plugins, tabs, { ...everything, enabledModules: [] })).toEqual([]);
  });

  it('leaves out contributions whose permission the staff member lacks; those without one stay', () => {
    const access = { ...everything, permissions: ['proxies.read'] };
    expect(ids(adminExtensionsFor(plugins, tabs, access))).toEqual(['blocks', 'proxies']);
    expect(ids(adminExtensionsFor(plugins, tabs, { ...everything, permissions: [] }))).toEqual(['blocks']);
  });
});

function TabLabels() {
  return <>{useAdminExtensions(tabs).map((tab) => `[${tab.label}]`)}</>;
}

function render(access: { enabledModules: readonly string[]; permissions: readonly string[] }) {
  return renderToStaticMarkup(
    <AdminHostProvider trpc={null} plugins={plugins} {...access}>
      <TabLabels />
    </AdminHostProvider>,
  );
}

describe('useAdminExtensions', () => {
  it("renders the host's enabled, permitted contributions", () => {
    expect(render(everything)).toBe('[Fines][Blocks][Proxies]');
    expect(render({ enabledModules: ['fines', 'proxies'], permissions: ['fines.read'] })).toBe('[Fines]');
  });

  it('fails loudly outside the host', () => {
    expect(() => renderToStaticMarkup(<TabLabels />)).toThrow(/AdminHostProvider/);
  });
});

describe('useAdminTrpc', () => {
  it("hands back the host's proxy", () => {
    const proxy = { marker: true };
    function Probe() {
      return <>{useAdminTrpc() === (proxy as unknown) ? 'same' : 'other'}</>;
    }
    const html = renderToStaticMarkup(
      <AdminHostProvider trpc={proxy} plugins={[]} enabledModules={[]} permissions={[]}>
        <Probe />
      </AdminHostProvider>,
    );
    expect(html).toBe('same');
  });
});
