import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // CLI tests spawn the bundle; give a loaded 2-core machine some slack.
        testTimeout: 20_000,
    },
});
