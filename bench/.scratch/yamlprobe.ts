import { pathToFileURL } from 'node:url';
import { LspSession } from '../lsp-client.js';
const bin = 'node_modules/yaml-language-server/bin/yaml-language-server';
const schemaUri = pathToFileURL(process.cwd() + '/bench/topology.schema.json').href;
const body = 'topology: Probe\nsites:\n  - name: s1\n    pools:\n      - role: notarole\n        name: p1\n        servers: [{ name: a, address: 10.0.0.1 }]\n';
for (const [pattern, modeline, wait] of [['*.yaml', false, 1000], ['**/*.yaml', false, 1000], ['', true, 0]] as const) {
  const s = LspSession.start('y', [bin, '--stdio'], process.cwd());
  await s.initialize({ textDocument: { hover: { contentFormat: ['markdown'] } } });
  await s.configure({ yaml: { schemas: pattern ? { [schemaUri]: pattern } : {}, validate: true, hover: true, schemaStore: { enable: false } } });
  await new Promise((r) => setTimeout(r, wait));
  const text = (modeline ? `# yaml-language-server: $schema=${schemaUri}\n` : '') + body;
  const r = await s.open('file:///tmp/probe.yaml', 'yaml', text, 20000);
  const h = await s.hover('file:///tmp/probe.yaml', { line: modeline ? 5 : 4, character: 10 });
  console.log(JSON.stringify(pattern), modeline, wait, 'diags', r.params.diagnostics.length, r.params.diagnostics[0]?.message.split('\n')[0] ?? '', '| hover', String(JSON.stringify(h.hover?.contents)).slice(0, 120), s.stderr().slice(0, 300));
  await s.stop();
}
