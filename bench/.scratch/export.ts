import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.ts';
import { checkTopologies } from '../../server/src/workspace/topology-documents.ts';
import { exportDocument } from '../../server/src/export/export-topology.ts';
import { EXPORT_FORMATS, RENDERERS } from '../../server/src/export/formats.ts';
import { resolveTopology } from '../../server/src/model/resolved-topology.ts';
import { buildRuleSet } from '../../server/src/rules/rule-model.ts';
const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);
const [c] = await checkTopologies([{ path: file, text }], sfbtopo);
console.log('diags', c.diagnostics.length);
for (let i = 0; i < Number(process.argv[3] ?? 3); i++) {
  let t = performance.now();
  const r = resolveTopology(c.document.parseResult.value);
  const t1 = performance.now();
  const rules = buildRuleSet(r);
  const t2 = performance.now();
  const parts = [`resolve ${(t1 - t).toFixed(0)}`, `rules ${(t2 - t1).toFixed(0)} (${rules.firewall.length} fw, ${rules.ipsec.length} ipsec)`];
  for (const f of EXPORT_FORMATS) { const a = performance.now(); const files = (RENDERERS as any)[f](rules, { sourceFile: 'x' }); parts.push(`${f} ${(performance.now() - a).toFixed(0)} (${files.length}f ${(files.reduce((n: number, x: any) => n + x.content.length, 0) / 1e6).toFixed(1)}MB)`); }
  console.log(parts.join(' | '));
}
