import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseOnly, site, summary } from '../../helpers.js';

const media = diagnoseOnly(
    'media-range-bounds',
    'client-media-too-small',
    'media-ranges-overlap',
    'duplicate-media-kind',
    'media-kind-not-for-role',
    'media-collides-with-port',
    'port-out-of-range',
);


const clients = (ranges: string) => site(`  clients {\n${ranges}\n  }`);
const pool = (role: string, statements: string) => site(`  ${role} pool p { server a 10.0.0.1 ${statements} }`);

describe('a realistic topology', () => {
    it('has no diagnostics with client ranges and pool media overrides', async () => {
        const text = `topology Contoso
site Redmond {
  subnet servers 10.0.0.0/16
  subnet desktops 10.20.0.0/16

  frontend pool fe01 {
    server fe01a 10.0.1.11
    hosts cms
    media audio 49152-53247
    media video 57501-65535
    media appsharing 53248-57500
  }
  mediation pool med01 {
    server med01a 10.0.3.11
    media audio 40000-44999
  }

  clients {
    subnet desktops
    media audio 50020-50039
    media video 50040-50059
    media appsharing 50060-50079
    media filetransfer 50080-50099
  }
}
`;
        expect(await diagnose(text)).toEqual([]);
    });
});

describe('client media ranges', () => {
    it('accepts 20 ports per kind, within 1024-65535', async () => {
        expect(await media(clients('    media audio 1024-1043\n    media video 65516-65535'))).toEqual([]);
    });

    it('rejects a range of 19 ports, at the range', async () => {
        const found = await media(clients('    media audio 50020-50038'));
        expect(summary(found)).toEqual([['error', 'client-media-too-small', '50020-50038', 4]]);
        expect(found[0].message).toContain('The client audio range 50020-50038 has 19 ports; clients need at least 20');
    });

    it('rejects a single port', async () => {
        const found = await media(clients('    media video 50020'));
        expect(summary(found)).toEqual([['error', 'client-media-too-small', '50020', 4]]);
        expect(found[0].message).toContain('has 1 port;');
    });

    it('rejects a range starting below 1024', async () => {
        const found = await media(clients('    media appsharing 1000-1100'));
        expect(summary(found)).toEqual([['error', 'media-range-bounds', '1000-1100', 4]]);
        expect(found[0].message).toContain('starts below 1024; media ports lie within 1024-65535');
    });

    it('rejects a range ending above 65535 as a port that does not exist', async () => {
        const found = await media(clients('    media filetransfer 65500-65600'));
        expect(summary(found)).toEqual([['error', 'port-out-of-range', '65600', 4]]);
    });

    it('warns when two kinds overlap, at the later range, naming both', async () => {
        const found = await media(clients('    media audio 50020-50039\n    media video 50030-50059'));
        expect(summary(found)).toEqual([['warning', 'media-ranges-overlap', '50030-50059', 5]]);
        expect(found[0].message).toContain('The client video range 50030-50059 overlaps the audio range 50020-50039 at line 4');
    });

    it('does not warn for ranges that touch without overlapping', async () => {
        expect(await media(clients('    media audio 50020-50039\n    media video 50040-50059'))).toEqual([]);
    });

    it('rejects a kind given twice, at the second kind', async () => {
        const found = await media(clients('    media audio 50020-50039\n    media audio 50100-50119'));
        expect(summary(found)).toEqual([['error', 'duplicate-media-kind', 'audio', 5]]);
        expect(found[0].message).toContain('already given at line 4');
    });
});

describe('pool media overrides', () => {
    it.each([
        ['audio on a frontend pool', 'frontend', 'media audio 20000-29999'],
        ['video and appsharing on a frontend pool', 'frontend', 'media video 30000-39999 media appsharing 40000-44999'],
        ['audio on a mediation pool', 'mediation', 'media audio 20000-29999'],
        ['audio on a director pool', 'director', 'media audio 20000-29999'],
    ])('accepts %s', async (_case, role, statements) => {
        expect(await media(pool(role, statements))).toEqual([]);
    });

    it('rejects video on a mediation pool, at `video`', async () => {
        const found = await media(pool('mediation', 'media video 58000-60000'));
        expect(summary(found)).toEqual([['error', 'media-kind-not-for-role', 'video', 3]]);
        expect(found[0].message).toContain('A mediation pool has no video media range to override');
    });

    it('rejects filetransfer on any pool: it is a client kind', async () => {
        const found = await media(pool('frontend', 'media filetransfer 50000-50100'));
        expect(summary(found)).toEqual([['error', 'media-kind-not-for-role', 'filetransfer', 3]]);
        expect(found[0].message).toContain('filetransfer only to clients');
    });

    it.each(['edge', 'officewebapps', 'exchangeum'])('rejects audio on a %s pool, which has no server media range', async (role) => {
        const text = role === 'edge'
            ? site('  edge pool p { server e internal 10.0.0.1 external 203.0.113.1 media audio 50000-50100 }')
            : pool(role, 'media audio 50000-50100');
        const found = await media(text);
        expect(summary(found)).toEqual([['error', 'media-kind-not-for-role', 'audio', 3]]);
    });

    it('rejects a range starting below 1024', async () => {
        const found = await media(pool('director', 'media audio 100-2000'));
        expect(summary(found)).toEqual([['error', 'media-range-bounds', '100-2000', 3]]);
    });

    it('rejects a kind given twice, at the second kind', async () => {
        const found = await media(pool('frontend', 'media audio 20000-29999 media audio 30000-39999'));
        expect(summary(found)).toEqual([['error', 'duplicate-media-kind', 'audio', 3]]);
    });

    it('rejects an audio range over the Front End SIP ports, naming the service and the default', async () => {
        const found = await media(pool('frontend', 'media audio 5000-6000'));
        expect(summary(found)).toEqual([['error', 'media-collides-with-port', '5000-6000', 3]]);
        expect(found[0].message).toBe(
            'The audio range 5000-6000 takes port 5060 (TCP), which the sip service of a frontend pool already uses; move the range clear of it (the default is 49152-57500).',
        );
    });

    it('rejects an audio range over the Mediation port 5070', async () => {
        const found = await media(pool('mediation', 'media audio 5065-5075'));
        expect(summary(found)).toEqual([['error', 'media-collides-with-port', '5065-5075', 3]]);
        expect(found[0].message).toContain('takes port 5070 (TCP), which the mediation service of a mediation pool');
    });

    it('names the default video and appsharing ranges', async () => {
        const video = await media(pool('frontend', 'media video 8000-8100'));
        expect(summary(video)).toEqual([['error', 'media-collides-with-port', '8000-8100', 3]]);
        expect(video[0].message).toContain('takes port 8057 (TCP), which the web-conferencing service');
        expect(video[0].message).toContain('(the default is 57501-65535)');
        const sharing = await media(pool('frontend', 'media appsharing 4000-5000'));
        expect(sharing[0].message).toContain('takes port 4443 (TCP)');
        expect(sharing[0].message).toContain('(the default is 49152-65535)');
    });

    it('considers ports of collocated Mediation only when the pool collocates it', async () => {
        expect(await media(pool('frontend', 'media audio 5067-5068'))).toEqual([]);
        const found = await media(pool('frontend', 'colocate mediation media audio 5067-5068'));
        expect(summary(found)).toEqual([['error', 'media-collides-with-port', '5067-5068', 3]]);
        expect(found[0].message).toContain('mediation-gateway-tls');
    });

    it('compares transports: a TCP range may span the UDP SQL Browser port, a TCP/UDP range may not', async () => {
        expect(await media(pool('frontend', 'media appsharing 1400-1500'))).toEqual([]);
        const found = await media(pool('frontend', 'media audio 1400-1500'));
        expect(summary(found)).toEqual([['error', 'media-collides-with-port', '1400-1500', 3]]);
        expect(found[0].message).toContain('takes port 1434 (UDP), which the sql-browser service');
    });

    it('leaves a fixed port the pool moved to the `port` statement, so a collision is reported once', async () => {
        // sip moved from 5060 to 5100: the range over 5060 is free.
        expect(await media(pool('director', 'port sip 5100 media audio 5055-5060'))).toEqual([]);
        // sip moved into the range: the `port` statement reports it, the range does not.
        const both = diagnoseOnly('media-collides-with-port', 'port-override-collision');
        const found = await both(pool('director', 'port sip 5057 media audio 5055-5060'));
        expect(summary(found)).toEqual([['error', 'port-override-collision', '5057', 3]]);
        expect(found[0].message).toContain('collides with audio media (5055-5060 TCP/UDP)');
    });
});
