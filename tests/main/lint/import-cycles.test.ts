// No import circles in src (a circle makes load order matter and hides which layer owns what),
// and code outside codesets/search/ reaches search only through its entry file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../codesets/helpers';
import { REPO_ROOT } from '../helpers/temp';
import { importCycles, importGraph } from './import-graph';

const SRC = path.join(REPO_ROOT, 'src');
const relative = (file: string) => path.relative(SRC, file);

describe('imports in src', () => {
  const graph = importGraph(SRC);

  it('form no circle', () => {
    expect(importCycles(graph).map((cycle) => cycle.map(relative))).toEqual([]);
  });

  it('reach codesets/search/ only through search/index.ts from outside it', () => {
    const search = path.join(SRC, 'main', 'services', 'codesets', 'search') + path.sep;
    const around = [...graph].flatMap(([file, targets]) =>
      file.startsWith(search) ? [] : targets.filter((t) => t.startsWith(search) && t !== `${search}index.ts`).map((t) => `${relative(file)} -> ${relative(t)}`),
    );
    expect(around).toEqual([]);
  });

  it('the check finds a circle, also one made of type-only imports and an index file', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './folder';\nexport const a = b;\n");
    fs.writeFileSync(path.join(dir, 'folder', 'index.ts'), "export { b } from './b';\n");
    fs.writeFileSync(path.join(dir, 'folder', 'b.ts'), "import type {\n  A,\n} from '../c';\nexport const b = 1 as unknown as A;\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "export type A = typeof import('./a').a;\n");
    fs.writeFileSync(path.join(dir, 'd.ts'), "import { a } from './a';\nexport const d = a;\n");
    expect(importCycles(importGraph(dir)).map((cycle) => cycle.map((f) => path.relative(dir, f)))).toEqual([
      ['a.ts', 'c.ts', path.join('folder', 'b.ts'), path.join('folder', 'index.ts')],
    ]);
  });
});
