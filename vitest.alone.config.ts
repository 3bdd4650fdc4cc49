import { defineConfig } from 'vitest/config';

// The tests that measure the language server's memory, one file at a time, after the others.
export default defineConfig({
    test: {
        include: ['test/**/*.alone.test.ts'],
        fileParallelism: false,
        testTimeout: 600_000,
    },
});
