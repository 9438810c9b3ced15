import { createServiceRef } from '@ulms/platform';
import type { LetterComposer } from './letter-composer.js';
import type { LetterOperations } from './letter-operations.js';
import type { LetterOptOuts } from './letter-opt-outs.js';
import type { LetterTemplateStore } from './letter-template.store.js';
import type { LetterTypeRegistry } from './letter-types.registry.js';
import type { OutboxQueries } from './outbox.queries.js';
import type { TemplateEngine } from './template-engine.js';

// The module's own services: its router and jobs reach them through the container, other modules never do.
export const letterComposerRef = createServiceRef<LetterComposer>({ id: 'letters.composer' });
export const letterOperationsRef = createServiceRef<LetterOperations>({ id: 'letters.operations' });
export const letterOptOutsRef = createServiceRef<LetterOptOuts>({ id: 'letters.optOuts' });
export const letterTemplatesRef = createServiceRef<LetterTemplateStore>({ id: 'letters.templates' });
export const letterTypesRef = createServiceRef<LetterTypeRegistry>({ id: 'letters.types' });
export const outboxQueriesRef = createServiceRef<OutboxQueries>({ id: 'letters.outbox' });
export const templateEngineRef = createServiceRef<TemplateEngine>({ id: 'letters.templateEngine' });
