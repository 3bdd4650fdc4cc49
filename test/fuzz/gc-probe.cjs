// Preloaded into the language server by the long-session test (`node --expose-gc --require`):
// on SIGUSR2 it collects garbage and writes the live heap to stderr, so that the test can
// tell data the server keeps from heap space V8 merely holds on to.
process.on('SIGUSR2', () => {
    global.gc();
    const { heapUsed, heapTotal, rss } = process.memoryUsage();
    process.stderr.write(`sfbtopo-gc-probe heapUsed=${heapUsed} heapTotal=${heapTotal} rss=${rss}\n`);
});
