import type { PortRange } from '../generated/ast.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';

export const LOWEST_PORT = 1;
export const HIGHEST_PORT = 65535;

export function checkPortRange(range: PortRange, report: Reporter): void {
    let inBounds = true;
    for (const property of ['first', 'last'] as const) {
        const port = range[property];
        if (port !== undefined && (port < LOWEST_PORT || port > HIGHEST_PORT)) {
            inBounds = false;
            report(
                'error',
                IssueCodes.PortOutOfRange,
                {
                    en: `Port ${port} does not exist: TCP and UDP ports run from ${LOWEST_PORT} to ${HIGHEST_PORT}.`,
                    ja: `ポート ${port} は存在しません。TCP と UDP のポートは ${LOWEST_PORT} から ${HIGHEST_PORT} までです。`,
                },
                { node: range, property },
            );
        }
    }
    if (inBounds && range.last !== undefined && range.first > range.last) {
        report(
            'error',
            IssueCodes.PortRangeReversed,
            {
                en: `The range ${range.first}-${range.last} runs backwards: write the lower port first (${range.last}-${range.first}).`,
                ja: `範囲 ${range.first}-${range.last} が逆順です。小さいポートを先に書きます (${range.last}-${range.first})。`,
            },
            { node: range },
        );
    }
}
