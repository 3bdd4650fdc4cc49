import { readFileSync, readdirSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { DefaultCompletionProvider } from 'langium/lsp';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.ts';
import { generateTopology, toSfbtopo } from '../generate.ts';
const { sfbtopo, shared } = createSfbtopoServices(EmptyFileSystem);
const fast = sfbtopo.lsp.CompletionProvider! as any;
const orig = fast.windowFor.bind(fast); let used = 0, clean = 0; fast.windowFor = (t: string, o: number) => { const w = orig(t, o); if (w) { used++; if (w.cleanBefore) clean++; } return w; };
const slow = Object.create(fast);
slow.windowFor = () => undefined;
slow.backtrackToAnyToken = (DefaultCompletionProvider.prototype as any).backtrackToAnyToken;
slow.findFeaturesAt = (DefaultCompletionProvider.prototype as any).findFeaturesAt;
const texts: [string, string][] = readdirSync('examples').filter(f => f.endsWith('.sfbtopo')).map(f => [f, readFileSync('examples/' + f, 'utf8')]);
texts.push(['gen30', toSfbtopo(generateTopology(30))]);
// broken variants
let seed = 7; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (const [n, t] of texts.slice()) for (let k = 0; k < 6; k++) { const i = Math.floor(rnd() * t.length); const len = 1 + Math.floor(rnd() * 12); texts.push([`${n}~${k}`, t.slice(0, i) + (k % 2 ? '{ /* x' : '') + t.slice(i + len)]); }
let n = 0, diff = 0, fastUsed = 0;
for (const [name, text] of texts) {
  const uri = URI.parse(`untitled:${name.replace(/[^a-z0-9]/gi, '_')}.sfbtopo`);
  const doc = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
  shared.workspace.LangiumDocuments.addDocument(doc);
  await shared.workspace.DocumentBuilder.build([doc], { validation: false });
  const step = text.length > 4000 ? 7 : 3;
  for (let off = 0; off <= text.length; off += step) {
    const position = doc.textDocument.positionAt(off);
    const a = JSON.stringify(await fast.getCompletion(doc, { textDocument: { uri: uri.toString() }, position }));
    const b = JSON.stringify(await slow.getCompletion(doc, { textDocument: { uri: uri.toString() }, position }));
    n++;
    if (a !== b) { diff++; if (diff < 5) console.log('DIFF', name, off, JSON.stringify(text.slice(Math.max(0, off - 20), off)), a.slice(0, 200), '\n   vs', b.slice(0, 200)); }
  }
  console.log(name, 'parseErrors', doc.parseResult.parserErrors.length, 'lexErrors', doc.parseResult.lexerErrors.length, 'checked so far', n, 'diffs', diff);
}
console.log('positions', n, 'diffs', diff, 'window used', used, 'clean', clean);
