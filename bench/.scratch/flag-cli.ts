import v8 from 'node:v8';
if (process.env.V8FLAG) v8.setFlagsFromString(process.env.V8FLAG);
await import('../../server/src/cli/main.ts');
