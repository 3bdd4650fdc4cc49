/**
 * Runs `action` on every item, at most `limit` at a time. When one fails, no further item
 * starts, the running ones finish, and then the first error is thrown: the caller's
 * clean-up runs once nothing is left in flight, so it sees every file that was made.
 * (Libraries that map with a limit reject at the first error, while the rest still run.)
 */
export async function eachInParallel<T>(items: readonly T[], limit: number, action: (item: T, index: number) => Promise<void>): Promise<void> {
    let next = 0;
    let failure: { error: unknown } | undefined;
    const worker = async (): Promise<void> => {
        while (failure === undefined && next < items.length) {
            const index = next++;
            try {
                await action(items[index], index);
            } catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure) throw failure.error;
}
