// DESIGN.md's layering is enforced by the linter, not by review: these prove the rules bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse');
}

describe('layering and hygiene rules', () => {
  it.each([
    ['src/main/services/charts/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/main/services/charts/x.ts', "import { callApi } from '../../api';\nexport const a = callApi;\n"],
    ['src/shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['src/renderer/features/x.ts', "import { CodeDeskApp } from '../../main/app';\nexport const a = CodeDeskApp;\n"],
    ['src/renderer/features/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['src/preload/x.ts', "import { callApi } from '../main/api';\nexport const a = callApi;\n"],
  ])('%s may not import that', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it('allows electron in the Electron glue and the preload', async () => {
    expect(await ruleIds('src/main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(await ruleIds('src/preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toEqual([]);
  });

  it('refuses console.log in src and .only/.skip in tests', async () => {
    expect(await ruleIds('src/main/x.ts', 'export function f(v: string): void {\n  console.log(v);\n}\n')).toContain('no-console');
    expect(await ruleIds('tests/main/x.test.ts', "import { it } from 'vitest';\nit.only('x', () => undefined);\n")).toContain(
      'no-restricted-syntax',
    );
  });
});
