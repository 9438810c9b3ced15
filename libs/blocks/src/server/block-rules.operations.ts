import {
  createServiceRef,
  type EnabledExtensions,
  type ModuleService,
  parseInput,
  type PluginConfig,
  ValidationError,
} from '@ulms/platform';
import { z } from 'zod';
import { type BlockRuleDto, configureBlockRulesInput } from '../contracts/block.schema.js';
import type { BlocksConfig } from '../contracts/blocks-config.schema.js';
import { BLOCKS_MODULE } from '../contracts/blocks-module.js';
import { blocksExtensionPoints, type BlockRule } from '../contracts/blocks-extension-points.js';

/** The automatic-block rules an institution can use, and switching them on and off with their settings. */
export function createBlockRuleOperations(deps: {
  config: PluginConfig<BlocksConfig>;
  extensions: EnabledExtensions;
  modules: Pick<ModuleService, 'configure'>;
}) {
  const toDto = (rule: BlockRule, config: BlocksConfig): BlockRuleDto => {
    const setting = config.rules.find((r) => r.id === rule.id);
    return {
      id: rule.id,
      title: rule.title,
      description: rule.description ?? null,
      effects: rule.effects,
      enabled: setting?.enabled ?? false,
      settings: setting?.settings ?? {},
      settingsSchema: rule.settingsSchema ? z.toJSONSchema(rule.settingsSchema, { io: 'input' }) : null,
    };
  };

  /** The rules in the order the institution lists them, then the ones it never set. */
  const inOrder = (rules: readonly BlockRule[], config: BlocksConfig) => {
    const position = (rule: BlockRule) => {
      const index = config.rules.findIndex((r) => r.id === rule.id);
      return index === -1 ? config.rules.length : index;
    };
    return [...rules].sort((a, b) => position(a) - position(b)).map((rule) => toDto(rule, config));
  };

  /** A rule's settings as its schema reads them; every problem named by its path under `rules.<n>.settings`. */
  const checkedSettings = (rule: BlockRule, settings: Record<string, unknown>, at: string) => {
    if (!rule.settingsSchema) {
      if (Object.keys(settings).length > 0) throw ValidationError.of(at, `the rule "${rule.id}" takes no settings`);
      return {};
    }
    const parsed = rule.settingsSchema.safeParse(settings);
    if (parsed.success) return parsed.data;
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({ field: [at, ...issue.path].join('.'), message: issue.message })),
    );
  };

  return {
    /** The institution's block types and rule settings. */
    config: (institutionId: string): Promise<BlocksConfig> => deps.config.for(institutionId),

    /** Every rule of the institution's enabled plugins, as the institution set it. */
    async list(institutionId: string): Promise<BlockRuleDto[]> {
      const [rules, config] = await Promise.all([
        deps.extensions.for(blocksExtensionPoints.rules, institutionId),
        deps.config.for(institutionId),
      ]);
      return inOrder(rules, config);
    },

    /**
     * Replaces the institution's rule settings with these. A rule whose plugin is not enabled here keeps what it
     * had, so switching a plugin off and on again loses nothing.
     */
    async configure(institutionId: string, raw: unknown): Promise<BlockRuleDto[]> {
      const input = parseInput(configureBlockRulesInput, raw);
      const [rules, config] = await Promise.all([
        deps.extensions.for(blocksExtensionPoints.rules, institutionId),
        deps.config.for(institutionId),
      ]);
      const seen = new Set<string>();
      const chosen = input.rules.map((setting, index) => {
        const rule = rules.find((r) => r.id === setting.id);
        if (!rule) throw ValidationError.of(`rules.${index}.id`, `"${setting.id}" is not a rule available here`);
        if (seen.has(rule.id)) throw ValidationError.of(`rules.${index}.id`, `"${rule.id}" is listed twice`);
        seen.add(rule.id);
        return {
          id: rule.id,
          enabled: setting.enabled,
          settings: checkedSettings(rule, setting.settings, `rules.${index}.settings`),
        };
      });
      const unavailable = config.rules.filter((r) => !rules.some((rule) => rule.id === r.id));
      const next: BlocksConfig = { ...config, rules: [...chosen, ...unavailable] };
      await deps.modules.configure(institutionId, BLOCKS_MODULE, next);
      return inOrder(rules, next);
    },
  };
}
export type BlockRuleOperations = ReturnType<typeof createBlockRuleOperations>;

export const blockRuleOperationsRef = createServiceRef<BlockRuleOperations>({ id: 'blocks.rule-operations' });
