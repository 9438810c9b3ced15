import { defineEvent } from '../events/event-bus.js';

/** Domain events of the kernel. */
export const platformEvents = {
  /** A module was enabled, disabled or configured for an institution. */
  moduleConfigured: defineEvent<{
    readonly institutionId: string;
    readonly moduleId: string;
    readonly enabled: boolean;
    readonly config: unknown;
    readonly previousConfig: unknown;
  }>('module.configured'),
};
