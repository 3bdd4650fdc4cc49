import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI, DocumentState } from 'langium';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.ts';
const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const { shared } = createSfbtopoServices(EmptyFileSystem);
const ws = shared.workspace;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
async function once() {
  const uri = URI.file(file);
  if (ws.LangiumDocuments.hasDocument(uri)) ws.LangiumDocuments.deleteDocument(uri);
  const c0 = cpu(); const t0 = performance.now();
  const doc = ws.LangiumDocumentFactory.fromString(text, uri);
  const c1 = cpu();
  ws.LangiumDocuments.addDocument(doc);
  const marks: [string, number][] = [];
  const ds = [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated].map(s => ws.DocumentBuilder.onBuildPhase(s, () => { marks.push([DocumentState[s], cpu()]); }));
  await ws.DocumentBuilder.build([doc], { validation: true });
  ds.forEach(d => d.dispose());
  let prev = c1;
  const parts = [`parse ${(c1 - c0).toFixed(0)}`];
  for (const [n, t] of marks) { parts.push(`${n} ${(t - prev).toFixed(0)}`); prev = t; }
  console.log('CPU ms:', parts.join(' | '), '| total', (prev - c0).toFixed(0), 'wall', (performance.now() - t0).toFixed(0), 'diags', doc.diagnostics?.length);
}
for (let i = 0; i < Number(process.argv[3] ?? 3); i++) await once();
