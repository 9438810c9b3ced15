import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lint is what keeps modules apart: this proves the rule fires on a module library's file.
describe('module boundaries', () => {
  const eslint = new ESLint({ cwd: import.meta.dirname + '/..' });
  const messagesOf = async (code: string) =>
    (await eslint.lintText(code, { filePath: `${import.meta.dirname}/boundary-probe.ts` }))[0]?.messages
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.message) ?? [];

  it("refuses another module's server or admin entry", async () => {
    expect(await messagesOf("export type { A } from '@ulms/fines';\n")).toHaveLength(1);
    expect(await messagesOf("export type { A } from '@ulms/fines/admin';\n")).toHaveLength(1);
  });

  it("allows another module's contracts and the kernel", async () => {
    expect(
      await messagesOf("export type { A } from '@ulms/fines/contracts';\nexport type { B } from '@ulms/platform';\n"),
    ).toEqual([]);
  });
});
