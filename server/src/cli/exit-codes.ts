/** Exit codes of the command line (spec §4). */
export const ExitCode = {
    Ok: 0,
    TopologyErrors: 1,
    UsageOrInput: 2,
} as const;
