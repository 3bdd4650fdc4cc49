/** Median and 95th percentile (nearest rank) of a sample. */
export interface Summary {
    runs: number;
    median: number;
    p95: number;
    min: number;
    max: number;
}

export function summarise(samples: number[]): Summary {
    if (samples.length === 0) throw new Error('no samples');
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { runs: sorted.length, median, p95: rank(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

export function formatMs(ms: number): string {
    if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
    if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
    if (ms >= 100) return `${ms.toFixed(0)} ms`;
    if (ms >= 10) return `${ms.toFixed(1)} ms`;
    return `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number): string {
    if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
    return `${bytes} B`;
}
