import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // Tests that measure the server's memory run alone (vitest.alone.config.ts): other
        // test files running beside them on a 2-core machine would skew what they measure.
        exclude: ['test/**/*.alone.test.ts', '**/node_modules/**'],
        // CLI tests spawn the bundle; give a loaded 2-core machine some slack.
        testTimeout: 20_000,
    },
});
