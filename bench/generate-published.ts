// A published topology (the XML of `Get-CsTopology -AsXml`) of a given number of clusters,
// for the import benchmark: ten clusters per central site, in turn a Front End pool of three
// servers (five services, with their ports and media ranges), a Director pair, a Mediation
// server with its PSTN gateway, an Edge pair with three public addresses each, and Office
// Web Apps. Some server addresses are 0.0.0.0, as Topology Builder records them.

const NS = 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008';
const ROLES_NS = 'urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008';
const KINDS = ['frontend', 'director', 'mediation', 'gateway', 'edge', 'officewebapps', 'frontend', 'director', 'mediation', 'gateway'] as const;

export function generatePublishedTopology(clusters: number): string {
    const sites = Math.ceil(clusters / 10);
    const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', `<Topology xmlns="${NS}">`, '  <InternalDomains DefaultDomain="bench.example"><InternalDomain Name="bench.example" /></InternalDomains>', '  <Sites>'];
    for (let site = 1; site <= sites; site++) out.push(`    <CentralSite SiteId="${site}"><Name>Site ${site}</Name></CentralSite>`);
    out.push('  </Sites>', '  <Clusters>');
    const services: string[] = [];
    for (let index = 0; index < clusters; index++) {
        const site = Math.floor(index / 10) + 1;
        const number = (index % 10) + 1;
        const kind = KINDS[index % KINDS.length];
        const name = `c${index}`;
        const octet = (n: number) => `10.${Math.floor(index / 250) % 250}.${index % 250}.${n}`;
        const nic = (side: string, n: number, address: string) => `<NetInterface InterfaceSide="${side}" InterfaceNumber="${n}" IPAddress="${address}" />`;
        const machines: string[] = [];
        const count = kind === 'frontend' ? 3 : kind === 'director' || kind === 'edge' ? 2 : 1;
        for (let m = 1; m <= count; m++) {
            const fqdn = `${name}-${m}.bench.example`;
            const nics =
                kind === 'edge'
                    ? [nic('Internal', 1, octet(m)), nic('External', 1, `198.18.${index % 250}.${m * 3}`), nic('External', 2, `198.18.${index % 250}.${m * 3 + 1}`), nic('External', 3, `198.18.${index % 250}.${m * 3 + 2}`)]
                    : [nic('Primary', 1, m === 2 ? '0.0.0.0' : octet(m))];
            machines.push(`      <Machine OrdinalInCluster="${m}" Fqdn="${fqdn}">${nics.join('')}</Machine>`);
        }
        out.push(`    <Cluster Fqdn="${name}.bench.example"><ClusterId SiteId="${site}" Number="${number}" />`, ...machines, '    </Cluster>');
        const on = `<InstalledOn><ClusterId SiteId="${site}" Number="${number}" /></InstalledOn>`;
        const id = (role: string) => `<ServiceId SiteId="${site}" RoleName="${role}" Instance="${number}" />`;
        const port = (owner: string, usage: string, side: string, value: number, protocol: string, range?: number) =>
            `<Port Owner="urn:component:${owner}" Usage="${usage}" InterfaceSide="${side}" InterfaceNumber="1" Port="${value}" Protocol="${protocol}"${range === undefined ? '' : ` Range="${range}"`} />`;
        const service = (role: string, ports: string[], extra = '', depends = '') =>
            `    <Service>${id(role)}<DependsOn>${depends}</DependsOn>${on}<Ports xmlns="${ROLES_NS}">${ports.join('')}</Ports>${extra}</Service>`;
        const registrar = (director: boolean) =>
            service('Registrar', [port('Registrar', 'SipServer', 'Primary', 5061, 'Mtls'), port('Registrar', 'WebServer', 'Primary', 444, 'Mtls'), port('WinFab', 'WinFabFederation', 'Primary', 5090, 'Tcp')], `<RegistrarService xmlns="${ROLES_NS}" IsDirector="${director}" />`);
        switch (kind) {
            case 'frontend':
                services.push(
                    service('UserServices', [port('PresenceFocus', 'WebServer', 'Primary', 444, 'Mtls')]),
                    registrar(false),
                    service('WebServices', [port('OCSWebSite', 'WebSite', 'Primary', 80, 'Http'), port('OCSWebSite', 'WebSite', 'Primary', 443, 'Https'), port('OCSWebSite', 'WebSite', 'External', 8080, 'Http'), port('OCSWebSite', 'WebSite', 'External', 4443, 'Https')]),
                    service('ConfServices', [port('IMConf', 'SipServer', 'Primary', 5062, 'Mtls'), port('AVConf', 'SipServer', 'Primary', 5063, 'Mtls'), port('MediaComp', 'AudioCommunication', 'Primary', 49152, 'TcpOrUdp', 8348), port('MediaComp', 'VideoCommunication', 'Primary', 57501, 'TcpOrUdp', 8034)]),
                );
                if (index === 0) services.push(service('CentralMgmt', []));
                break;
            case 'director':
                services.push(registrar(true), service('WebServices', [port('OCSWebSite', 'WebSite', 'Primary', 443, 'Https')]));
                break;
            case 'mediation':
                services.push(service('MediationServer', [port('MediationServer', 'SipServer', 'Primary', 5070, 'Mtls')], '', `<Dependency Usage="PstnGateway"><ServiceId SiteId="${site}" RoleName="PstnGateway" Instance="${number + 1}" /></Dependency>`));
                break;
            case 'gateway':
                services.push(service('PstnGateway', []));
                break;
            case 'edge':
                services.push(service('EdgeServer', [port('AccessEdge', 'SipServer', 'External', 5061, 'Tls')]));
                break;
            case 'officewebapps':
                services.push(service('WacService', []));
                break;
        }
    }
    out.push('  </Clusters>', '  <Services>', ...services, '  </Services>', '</Topology>', '');
    return out.join('\n');
}
