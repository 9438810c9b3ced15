import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The plugin guide's code is compiled, so it cannot drift from the code it documents: every ```ts and ```tsx
// block of docs/writing-a-plugin.md is type-checked as its own module, as if it were a file of a plugin. A block
// whose first line is a path comment (`// src/server/library-card.plugin.ts`) is that file, and other blocks
// import it by that path; any other block is a file of its own. A block fenced ```ts nocheck is only shown.
const root = resolve(import.meta.dirname, '../../..');
const guidePath = join(root, 'docs/writing-a-plugin.md');
// Under libs/modules/src, so `@ulms/*` resolves through node_modules and the packages' exports, as in a plugin.
const virtualRoot = join(root, 'libs/modules/src/__guide__');

/** What a plugin may import: the public entries, its libraries, and its own files. */
const ALLOWED_IMPORTS = new Set([
  '@ulms/platform',
  '@ulms/platform/contracts',
  '@ulms/users/contracts',
  '@ulms/fines/contracts',
  '@ulms/blocks/contracts',
  '@ulms/letters/contracts',
  '@ulms/sis/contracts',
  '@ulms/courses/contracts',
  '@prisma/client',
  '@ulms/ui',
  '@ulms/modules/testing',
  'zod',
  'react',
  '@tanstack/react-query',
  'vitest',
]);

interface GuideBlock {
  /** 1-based, in the order the guide shows them (skipped blocks count too). */
  readonly number: number;
  readonly language: 'ts' | 'tsx';
  readonly skipped: boolean;
  /** The guide's line of the block's first line of code. */
  readonly firstLine: number;
  readonly code: string;
  /** The file it stands for, relative to the plugin's folder, when its first line names one. */
  readonly path: string | undefined;
}

const FENCE = /^(\s*)```(tsx?)((?:[ \t]+\S+)*)[ \t]*$/;
const PATH_COMMENT = /^\/\/ (src\/[\w./-]+\.tsx?)\s*$/;

/** Every ```ts and ```tsx block of a Markdown text, with where it starts. */
function codeBlocks(markdown: string): GuideBlock[] {
  const lines = markdown.split('\n');
  const blocks: GuideBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) {
      // Skip the body of any other fenced block, so a ``` inside it is not taken for an opening.
      const other = /^(\s*)(```+|~~~+)/.exec(lines[i] ?? '');
      if (other) {
        const closing = other[2] ?? '```';
        i += 1;
        const close = new RegExp(`^\\s*${closing[0] === '`' ? '`' : '~'}{${closing.length},}\\s*$`);
        while (i < lines.length && !close.test(lines[i] ?? '')) i += 1;
      }
      continue;
    }
    const indent = open[1]?.length ?? 0;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j] ?? '')) {
      body.push((lines[j] ?? '').slice(Math.min(indent, /^\s*/.exec(lines[j] ?? '')?.[0].length ?? 0)));
      j += 1;
    }
    if (j >= lines.length) throw new Error(`the code block opened at line ${i + 1} is never closed`);
    const path = PATH_COMMENT.exec(body[0] ?? '')?.[1];
    blocks.push({
      number: blocks.length + 1,
      language: open[2] as 'ts' | 'tsx',
      skipped: (open[3] ?? '').split(/\s+/).includes('nocheck'),
      firstLine: i + 2,
      code: `${body.join('\n')}\n`,
      path,
    });
    i = j;
  }
  return blocks;
}

const compilerOptions = (): ts.CompilerOptions => {
  // As tsconfig.base.json, with the DOM and JSX of the admin screens; type-checking only.
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2022', 'dom', 'dom.iterable'],
      jsx: 'react-jsx',
      types: ['node'],
      customConditions: ['@ulms/source'],
      strict: true,
      isolatedModules: true,
      noUnusedLocals: true,
      noImplicitReturns: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      skipLibCheck: true,
      noEmit: true,
    },
    root,
  );
  if (errors.length) throw new Error(ts.flattenDiagnosticMessageText(errors[0]?.messageText ?? '', '\n'));
  return options;
};

/** Where a block lives while it is checked. */
const fileOf = (block: GuideBlock): string =>
  join(virtualRoot, block.path ?? `block-${block.number}.${block.language}`);

/** The imports a block makes that a plugin may not: a package outside the public entries, server values in screens. */
function importProblems(block: GuideBlock, source: ts.SourceFile): string[] {
  const problems: string[] = [];
  const screen = block.path?.startsWith('src/admin/') ?? false;
  for (const statement of source.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const target = specifier.text;
    const line = source.getLineAndCharacterOfPosition(statement.getStart(source)).line;
    const where = `block ${block.number} (guide line ${block.firstLine + line})`;
    const relativeImport = target.startsWith('./') || target.startsWith('../');
    if (!relativeImport && !ALLOWED_IMPORTS.has(target)) {
      problems.push(`${where}: imports "${target}", which is not a public entry a plugin may use`);
    }
    if (relativeImport && !block.path) {
      problems.push(`${where}: imports "${target}" but does not say which file it is (first line // src/…)`);
    }
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause !== undefined &&
        (statement.importClause.isTypeOnly ||
          (statement.importClause.name === undefined &&
            statement.importClause.namedBindings !== undefined &&
            ts.isNamedImports(statement.importClause.namedBindings) &&
            statement.importClause.namedBindings.elements.every((e) => e.isTypeOnly)))
      : statement.isTypeOnly;
    const serverValue = target === '@ulms/platform' || /(^|\/)(server|rest|files)\//.test(target);
    if (screen && serverValue && !typeOnly) {
      problems.push(`${where}: an admin screen imports a value from "${target}"; only types may come from there`);
    }
  }
  return problems;
}

/** Every problem of the guide's blocks: compiler diagnostics and forbidden imports, by block and line. */
function checkBlocks(blocks: readonly GuideBlock[]): string[] {
  const checked = blocks.filter((b) => !b.skipped);
  const files = new Map<string, GuideBlock>();
  const problems: string[] = [];
  for (const block of checked) {
    const file = fileOf(block);
    const other = files.get(file);
    if (other) problems.push(`blocks ${other.number} and ${block.number} are both ${relative(virtualRoot, file)}`);
    files.set(file, block);
  }

  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const isVirtual = (name: string) => files.has(resolve(name));
  const underVirtualRoot = (name: string) => resolve(name).startsWith(virtualRoot);
  const { fileExists, readFile, getSourceFile, directoryExists, realpath } = host;
  host.fileExists = (name) => isVirtual(name) || (!underVirtualRoot(name) && fileExists.call(host, name));
  host.readFile = (name) =>
    isVirtual(name) ? files.get(resolve(name))?.code : underVirtualRoot(name) ? undefined : readFile.call(host, name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const block = files.get(resolve(name));
    return block
      ? ts.createSourceFile(name, block.code, languageVersion, true)
      : getSourceFile.call(host, name, languageVersion, onError, shouldCreate);
  };
  host.directoryExists = (name) =>
    [...files.keys()].some((file) => file.startsWith(`${resolve(name)}/`)) ||
    (directoryExists?.call(host, name) ?? true);
  host.realpath = (name) => (underVirtualRoot(name) ? name : (realpath?.call(host, name) ?? name));

  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const describeDiagnostic = (diagnostic: ts.Diagnostic): string => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const block = diagnostic.file ? files.get(resolve(diagnostic.file.fileName)) : undefined;
    if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    if (!block) return `${relative(root, diagnostic.file.fileName)}:${line + 1}: TS${diagnostic.code}: ${message}`;
    return (
      `block ${block.number} (guide line ${block.firstLine + line}, block line ${line + 1}:${character + 1}): ` +
      `TS${diagnostic.code}: ${message}`
    );
  };
  problems.push(...program.getOptionsDiagnostics().map(describeDiagnostic));
  problems.push(...program.getGlobalDiagnostics().map(describeDiagnostic));
  for (const [file, block] of files) {
    const source = program.getSourceFile(file);
    if (!source) {
      problems.push(`block ${block.number}: not compiled`);
      continue;
    }
    problems.push(...program.getSyntacticDiagnostics(source).map(describeDiagnostic));
    problems.push(...program.getSemanticDiagnostics(source).map(describeDiagnostic));
    problems.push(...importProblems(block, source));
  }
  return problems;
}

describe('docs/writing-a-plugin.md', () => {
  const guide = readFileSync(guidePath, 'utf8');
  const blocks = codeBlocks(guide);

  it('has code to check, and few blocks that are only shown', () => {
    expect(blocks.filter((b) => !b.skipped).length).toBeGreaterThan(10);
    expect(blocks.filter((b) => b.skipped).length).toBeLessThanOrEqual(2);
  });

  it('finds blocks, their files and their lines', () => {
    const sample = [
      '# Guide',
      '',
      '```text',
      '```ts',
      '```',
      '',
      '- A list:',
      '',
      '  ```tsx',
      '  // src/admin/tab.tsx',
      '  export const x = 1;',
      '  ```',
      '',
      '```ts nocheck',
      'whatever',
      '```',
    ].join('\n');
    expect(codeBlocks(sample)).toEqual([
      {
        number: 1,
        language: 'tsx',
        skipped: false,
        firstLine: 10,
        code: '// src/admin/tab.tsx\nexport const x = 1;\n',
        path: 'src/admin/tab.tsx',
      },
      { number: 2, language: 'ts', skipped: true, firstLine: 15, code: 'whatever\n', path: undefined },
    ]);
  });

  it('reports a broken block by its number and line', () => {
    const broken = codeBlocks(
      [
        '```ts',
        "import { definePlugin } from '@ulms/platform';",
        '',
        "export const brokenPlugin = definePlugin({ id: 'broken', titel: 'Broken' });",
        '```',
        '',
        '```tsx',
        '// src/admin/screen.tsx',
        "import { startKernel } from '@ulms/platform';",
        "import { readFileSync } from 'node:fs';",
        '',
        'export const screen = [startKernel, readFileSync];',
        '```',
      ].join('\n'),
    );
    const problems = checkBlocks(broken);
    expect(problems.some((p) => p.startsWith('block 1 (guide line 4, block line 3:') && p.includes('titel'))).toBe(
      true,
    );
    expect(problems).toContain(
      'block 2 (guide line 9): an admin screen imports a value from "@ulms/platform"; only types may come from there',
    );
    expect(problems).toContain(
      'block 2 (guide line 10): imports "node:fs", which is not a public entry a plugin may use',
    );
  }, 120_000);

  it('compiles every block that is not marked nocheck', () => {
    expect(checkBlocks(blocks)).toEqual([]);
  }, 120_000);
});
