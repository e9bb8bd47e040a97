import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: services and databases under node, components under happy-dom. One worker per
// core (Vitest's default leaves one idle): much of the suite waits on child processes and scrypt.
export default defineConfig({
  test: {
    maxWorkers: os.availableParallelism(),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/main/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
    ],
  },
});
