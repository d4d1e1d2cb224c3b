import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Audits run inside the tests keep their default probe cache here, not in the developer's ~/.cache.
    env: { XDG_CACHE_HOME: path.join(os.tmpdir(), 'callaudit-test-cache-home') },
  },
});
