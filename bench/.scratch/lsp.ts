import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LspSession, positionAt } from '../lsp-client.js';
import { summarise } from '../stats.js';
const [cli, file, nStr, extra] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const s = LspSession.start('x', [...(extra ? extra.split(' ') : []), cli, 'lsp', '--stdio'], process.cwd());
await s.initialize({});
const uri = pathToFileURL(file).href;
const o = await s.open(uri, 'sfbtopo', text, 600000);
console.log('open', o.ms.toFixed(0), 'diags', o.params.diagnostics.length, 'rss', (s.peakRss()! / 1048576).toFixed(0));
const m = /fqdn "(s0\d\d-p22)\.bench\.example"/.exec(text.slice(text.length / 2))!;
const at = positionAt(text, text.indexOf(m[0]) + 6 + m[1].length);
const ks: number[] = [];
let v = 1;
for (let i = 0; i < Number(nStr); i++) { v++; const t = v % 2 === 0; const r = await s.edit(uri, v, at, t ? 0 : 1, t ? 'x' : '', 600000); ks.push(r.ms); if (process.env.RSS) console.log('  rss', (s.peakRss()! / 1048576).toFixed(0)); }
console.log('keystroke', ks.map((x) => x.toFixed(0)).join(' '), JSON.stringify(summarise(ks.slice(2))));
const lb = `loadbalancer ${m[1]}-lb for `;
const cAt = positionAt(text, text.indexOf(lb) + lb.length);
const cs: number[] = [];
for (let i = 0; i < Number(process.env.NC ?? 8); i++) { const r = await s.completion(uri, cAt); cs.push(r.ms); if (i === 0) console.log('items', r.items.length); }
console.log('completion', cs.map((x) => x.toFixed(0)).join(' '));
console.log('rss', (s.peakRss()! / 1048576).toFixed(0), 'MB');
await s.stop();
