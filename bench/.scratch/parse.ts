import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.ts';
const text = readFileSync(process.argv[2], 'utf8');
const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);
const n = Number(process.argv[3] ?? 5);
for (let i = 0; i < n; i++) {
  const t0 = performance.now();
  const lex = sfbtopo.parser.Lexer.tokenize(text);
  const t1 = performance.now();
  const r = sfbtopo.parser.LangiumParser.parse(text);
  const t2 = performance.now();
  console.log(`lex ${(t1 - t0).toFixed(0)} ms (${lex.tokens.length} tokens, ${lex.errors.length} errors) | full parse ${(t2 - t1).toFixed(0)} ms, parser errors ${r.parserErrors.length}`);
}
