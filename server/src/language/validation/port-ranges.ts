import type { ValidationAcceptor } from 'langium';
import type { PortRange } from '../generated/ast.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

const LOWEST_PORT = 1;
const HIGHEST_PORT = 65535;

export function checkPortRange(range: PortRange, accept: ValidationAcceptor): void {
    const bounds: Array<['first' | 'last', number | undefined]> = [
        ['first', range.first],
        ['last', range.last],
    ];
    let inBounds = true;
    for (const [property, port] of bounds) {
        if (port !== undefined && (port < LOWEST_PORT || port > HIGHEST_PORT)) {
            inBounds = false;
            report(
                accept,
                'error',
                IssueCodes.PortOutOfRange,
                `Port ${port} does not exist: TCP and UDP ports run from ${LOWEST_PORT} to ${HIGHEST_PORT}.`,
                range,
                property,
            );
        }
    }
    if (inBounds && range.last !== undefined && range.first > range.last) {
        report(
            accept,
            'error',
            IssueCodes.PortRangeReversed,
            `The range ${range.first}-${range.last} runs backwards: write the lower port first (${range.last}-${range.first}).`,
            range,
        );
    }
}
