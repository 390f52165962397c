import { defineConfig } from 'vitest/config';

/**
 * Two projects: the toolchain's tests (`npm test`), and the published site's, which load every
 * page in Chromium and read the PDFs with poppler (`npm run test:site`): slower, and needing
 * those programs. CI runs both. Two workers: the machines this runs on have two cores, and most
 * tests wait on a child process or the disk as often as on the processor.
 */
export default defineConfig({
  test: {
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    isolate: false,
    projects: [
      { extends: true, test: { name: 'toolchain', include: ['tests/**/*.test.ts'], exclude: ['tests/publish/**'] } },
      { extends: true, test: { name: 'site', include: ['tests/publish/**/*.test.ts'] } },
    ],
  },
});
