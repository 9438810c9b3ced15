import { useQuery } from '@tanstack/react-query';
import { PageHeader, usePageTitle, useUnsavedChangesGuard } from '@ulms/ui';
import { useCallback, useState } from 'react';
import { useBlocksTrpc } from '../blocks-admin-context.js';
import { BlockRulesForm } from './block-rules.form.js';
import { BlockTypesForm } from './block-types.form.js';

/** Blocks configuration: the block types (the module's settings) and the automatic-block rules, saved apart. */
export function BlocksConfigurationPage() {
  usePageTitle('Blocks configuration');
  const trpc = useBlocksTrpc();
  const config = useQuery(trpc.blocks.config.queryOptions());
  const rules = useQuery(trpc.blocks.rules.list.queryOptions());
  const [dirty, setDirty] = useState({ types: false, rules: false });
  const guard = useUnsavedChangesGuard(dirty.types || dirty.rules);
  const typesDirty = useCallback((types: boolean) => setDirty((d) => ({ ...d, types })), []);
  const rulesDirty = useCallback((next: boolean) => setDirty((d) => ({ ...d, rules: next })), []);
  const failed = config.error ?? rules.error;
  return (
    <>
      <PageHeader
        title="Blocks configuration"
        description="The block types staff choose from and what each stops, and the rules that block users automatically."
      />
      {failed ? (
        <p className="ui-form-error" role="alert">
          Could not load the settings: {failed.message}
        </p>
      ) : config.data && rules.data ? (
        <div className="blocks-config-page">
          <BlockTypesForm saved={config.data} onDirtyChange={typesDirty} />
          <BlockRulesForm rules={rules.data} onDirtyChange={rulesDirty} />
        </div>
      ) : (
        <p aria-live="polite">Loading the settings…</p>
      )}
      {guard.dialog}
    </>
  );
}
