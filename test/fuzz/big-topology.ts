// A deterministic, valid topology of any number of pools, for the long LSP session and
// as seed material for the fuzzer. Kept here (rather than importing bench/) so the
// tests do not depend on the benchmark's generator.

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Pools per site; site `s` owns 10.s.0.0/16, pool `i` of it the 10.s.(i+1).0/24 block. */
const POOLS_PER_SITE = 50;

/**
 * `pools` pools over sites of 50, in a cycle of every role: Front End pools (one with
 * the CMS) behind hardware load balancers, Directors, Mediation pools with their PSTN
 * gateways, Persistent Chat, Office Web Apps, Edge pools with internal and external legs,
 * Exchange UM and Standard Edition Front Ends. Every site has a clients block.
 */
export function bigTopology(pools: number): string {
    const sites = Math.max(1, Math.ceil(pools / POOLS_PER_SITE));
    const out = [`// ${pools} pools`, `topology Big${pools}`, ''];
    let made = 0;
    let external = 0;
    for (let s = 1; s <= sites; s++) {
        const sn = `s${pad(s, 3)}`;
        const net = (c: number, d: number) => `10.${s}.${c}.${d}`;
        out.push(`site site${pad(s, 3)} {`, `  subnet ${sn}-servers 10.${s}.0.0/17`, `  subnet ${sn}-perimeter 10.${s}.128.0/20`, `  subnet ${sn}-clients 10.${s}.192.0/18`, '');
        for (let i = 0; i < POOLS_PER_SITE && made < pools; i++, made++) {
            const name = `${sn}-p${pad(i, 2)}`;
            const head = (role: string) => [`  ${role} pool ${name} {`, `    fqdn "${name}.fuzz.example"`];
            const servers = (count: number) => Array.from({ length: count }, (_, j) => `    server ${name}-${String.fromCharCode(97 + j)} ${net(i + 1, 11 + j)}`);
            const balancer = [`  loadbalancer ${name}-lb for ${name} { vip ${net(i + 1, 100)} }`];
            switch (made % 8) {
                case 0:
                    out.push(...head('frontend'), '    edition enterprise', ...servers(3), ...(made === 0 ? ['    hosts cms'] : []), '    loadbalancing hardware', '  }', ...balancer);
                    break;
                case 1:
                    out.push(...head('director'), ...servers(2), '    loadbalancing hardware', '  }', ...balancer);
                    break;
                case 2:
                    out.push(...head('mediation'), ...servers(1), `    gateway ${name}-gw`, '    media audio 50000-50999', '  }', `  gateway ${name}-gw ${net(i + 1, 200)}`);
                    break;
                case 3:
                    out.push(...head('persistentchat'), ...servers(1), '  }');
                    break;
                case 4:
                    out.push(...head('officewebapps'), ...servers(1), '  }');
                    break;
                case 5: {
                    const n = external++;
                    out.push(...head('edge'), `    server ${name}-a internal ${net(128, (i % 60) * 4 + 1)} external 198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`, '  }');
                    break;
                }
                case 6:
                    out.push(...head('exchangeum'), ...servers(1), '  }');
                    break;
                default:
                    out.push(...head('frontend'), '    edition standard', ...servers(1), '  }');
                    break;
            }
            out.push('');
        }
        out.push(
            '  clients {',
            `    subnet ${sn}-clients`,
            '    media audio 50020-50039',
            '    media video 50040-50059',
            '    media appsharing 50060-50079',
            '    media filetransfer 50080-50099',
            '  }',
            '}',
            '',
        );
    }
    return out.join('\n');
}
