import { readFileSync } from 'node:fs';
import { AstUtils, EmptyFileSystem } from 'langium';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.ts';
import { checkTopologies } from '../../server/src/workspace/topology-documents.ts';
import { checkHostAddress, checkServerAddresses, checkUniqueAddresses } from '../../server/src/language/validation/addresses.ts';
import { checkCentralManagementStore } from '../../server/src/language/validation/cms.ts';
import { checkFqdn, checkUniqueFqdns } from '../../server/src/language/validation/fqdns.ts';
import { checkLoadBalancer, checkPoolLoadBalancing } from '../../server/src/language/validation/load-balancers.ts';
import { checkClientMedia, checkPoolMedia } from '../../server/src/language/validation/media-ranges.ts';
import { checkUniqueNames } from '../../server/src/language/validation/names.ts';
import { checkPortOverrides } from '../../server/src/language/validation/port-overrides.ts';
import { checkPortRange } from '../../server/src/language/validation/port-ranges.ts';
import { checkPoolOptions, checkServerShape } from '../../server/src/language/validation/pools.ts';
import { checkAddressesInSubnets, checkSubnet, checkSubnetOverlaps } from '../../server/src/language/validation/subnets.ts';
const text = readFileSync(process.argv[2], 'utf8');
const table: Record<string, Function[]> = {
  Topology: [checkUniqueNames, checkUniqueAddresses, checkUniqueFqdns, checkCentralManagementStore],
  Site: [checkSubnetOverlaps, checkAddressesInSubnets], Subnet: [checkSubnet],
  Pool: [checkPoolOptions, checkPoolLoadBalancing, checkPoolMedia, checkPortOverrides], Server: [checkServerAddresses, checkServerShape],
  Gateway: [checkHostAddress], ReverseProxy: [checkHostAddress], Vip: [checkHostAddress], LoadBalancer: [checkLoadBalancer], Fqdn: [checkFqdn], PortRange: [checkPortRange], Clients: [checkClientMedia],
};
const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);
const totals = new Map<string, number>();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const R = Number(process.argv[3] ?? 5);
for (let r = 0; r < R; r++) {
  const [c] = await checkTopologies([{ path: '/tmp/x' + r + '.sfbtopo', text }], sfbtopo);
  const nodes = AstUtils.streamAst(c.document.parseResult.value).toArray();
  for (const [type, fns] of Object.entries(table)) for (const fn of fns) {
    const t = cpu();
    for (const n of nodes) if (n.$type === type) fn(n, () => {});
    if (r > 0) totals.set(`${type}.${fn.name}`, (totals.get(`${type}.${fn.name}`) ?? 0) + cpu() - t);
  }
}
let sum = 0;
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1])) { sum += v / (R - 1); console.log((v / (R - 1)).toFixed(1).padStart(7), 'ms', k); }
console.log('sum', sum.toFixed(1));
