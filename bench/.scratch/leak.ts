import { readFileSync } from 'node:fs';
import { URI, EmptyFileSystemProvider } from 'langium';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.ts';
const gc = (globalThis as any).gc as () => void;
const mb = (n: number) => (n / 1048576).toFixed(0) + 'MB';
const file = process.argv[2];
let text = readFileSync(file, 'utf8');
class FS extends EmptyFileSystemProvider { override async readFile() { return text; } override readFileSync() { return text; } }
const { shared } = createSfbtopoServices({ fileSystemProvider: () => new FS() } as any);
const uri = URI.file(file);
const doc = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
shared.workspace.LangiumDocuments.addDocument(doc);
await shared.workspace.DocumentBuilder.build([doc], { validation: true });
gc(); console.log('after open heap', mb(process.memoryUsage().heapUsed));
const i = text.indexOf('.bench.example', text.length / 2);
for (let k = 0; k < 5; k++) {
  text = k % 2 === 0 ? text.slice(0, i) + 'x' + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
  await shared.workspace.DocumentBuilder.update([uri], []);
  const before = process.memoryUsage().heapUsed;
  gc();
  console.log('update', k, 'heap before gc', mb(before), 'after gc', mb(process.memoryUsage().heapUsed), 'diags', doc.diagnostics?.length, 'rss', mb(process.memoryUsage().rss));
}
