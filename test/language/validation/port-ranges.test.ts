import { describe, expect, it } from 'vitest';
import { diagnoseOnly, site } from '../../helpers.js';

const diagnose = diagnoseOnly('port-out-of-range', 'port-range-reversed');

const clients = (range: string) => site(`  clients { media audio ${range} }`);

describe('port ranges', () => {
    it.each(['1-65535', '50020-50039', '5000-5000', '65535'])('accepts %s', async (range) => {
        expect(await diagnose(clients(range))).toEqual([]);
    });

    it.each([
        ['0-100', '0'],
        ['100-65536', '65536'],
        ['70000', '70000'],
    ])('rejects %s as outside 1-65535, at the bad port', async (range, port) => {
        const found = await diagnose(clients(range));
        expect(found.map((d) => [d.severity, d.code, d.text])).toEqual([['error', 'port-out-of-range', port]]);
        expect(found[0].message).toContain(`Port ${port} does not exist`);
    });

    it('rejects a range whose first port is above its last, over the whole range', async () => {
        const found = await diagnose(site('  frontend pool p { media audio 6000-5000 }'));
        expect(found.map((d) => [d.severity, d.code, d.text])).toEqual([['error', 'port-range-reversed', '6000-5000']]);
        expect(found[0].message).toContain('write the lower port first (5000-6000)');
    });
});
