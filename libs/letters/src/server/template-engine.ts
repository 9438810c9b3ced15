import type { FieldError } from '@ulms/platform/contracts';
import { Liquid, type Template } from 'liquidjs';
import type { LetterTemplateText } from '../contracts/letter-type.js';
import { htmlToText } from './html-to-text.js';

export interface RenderedLetter {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/** Renders letters with LiquidJS: no code runs, no file is read, and a render is bounded in time and memory. */
export interface TemplateEngine {
  /** The template's syntax errors, by field (`subject`, `html`, `text`): what a save refuses. */
  check(template: LetterTemplateText): FieldError[];
  /** Renders the three parts; a render error names the field whose template failed. */
  render(template: LetterTemplateText, data: Readonly<Record<string, unknown>>): Promise<RenderedLetter>;
}

/** A template that asks for a file: refused, so a template cannot read the server's disk. */
const noFiles = {
  sep: '/',
  dirname: (path: string) => path,
  resolve: (_root: string, file: string) => file,
  exists: async () => false,
  existsSync: () => false,
  contains: async () => false,
  containsSync: () => false,
  readFile: async (): Promise<string> => {
    throw new Error('letter templates cannot include files');
  },
  readFileSync: (): string => {
    throw new Error('letter templates cannot include files');
  },
};

const limits = {
  ownPropertyOnly: true,
  strictFilters: true,
  fs: noFiles,
  root: [],
  partials: [],
  layouts: [],
  parseLimit: 200_000,
  // Milliseconds of rendering and characters of output: a loop cannot stall the server or fill its memory.
  renderLimit: 200,
  memoryLimit: 10_000_000,
};
const CACHE_LIMIT = 500;

/** The first line of a LiquidJS error: what is wrong and where (line and column). */
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

export class TemplateRenderError extends Error {
  constructor(
    readonly field: 'subject' | 'html' | 'text',
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'TemplateRenderError';
  }
}

export function createTemplateEngine(): TemplateEngine {
  // HTML bodies escape what they print (a user's name cannot add markup); subjects and plain text print as is.
  const html = new Liquid({ ...limits, outputEscape: 'escape' });
  const plain = new Liquid(limits);
  const parsed = new Map<string, Template[]>();

  const parse = (engine: Liquid, kind: string, source: string): Template[] => {
    const key = `${kind}\u0000${source}`;
    const cached = parsed.get(key);
    if (cached) return cached;
    const templates = engine.parse(source);
    if (parsed.size >= CACHE_LIMIT) parsed.delete(parsed.keys().next().value as string);
    parsed.set(key, templates);
    return templates;
  };

  const partsOf = (template: LetterTemplateText) =>
    [
      ['subject', plain, template.subject],
      ['html', html, template.html],
      ['text', plain, template.text ?? ''],
    ] as const;

  return {
    check(template) {
      const errors: FieldError[] = [];
      for (const [field, engine, source] of partsOf(template)) {
        try {
          parse(engine, field, source);
        } catch (error) {
          errors.push({ field, message: reasonOf(error) });
        }
      }
      return errors;
    },
    async render(template, data) {
      const out: Record<string, string> = {};
      for (const [field, engine, source] of partsOf(template)) {
        try {
          out[field] = source === '' ? '' : await engine.render(parse(engine, field, source), data);
        } catch (error) {
          throw new TemplateRenderError(field, reasonOf(error));
        }
      }
      return {
        subject: (out['subject'] ?? '').replace(/\s+/g, ' ').trim(),
        html: out['html'] ?? '',
        text: out['text'] || htmlToText(out['html'] ?? ''),
      };
    },
  };
}
