/**
 * `compute` remembering its result for each argument, for one render. Arguments are told
 * apart as a Map does: strings by value, address lists by identity. Renderers use it for
 * what recurs from rule to rule: the rule model gives one list to all the rules towards
 * or from the same servers (a pool's rules share its servers' list, hundreds of rules the
 * list of every Front End server) and never changes a list once built, and sites, ports
 * and catalogue texts repeat on thousands of rules.
 */
export function memoize<K, T>(compute: (key: K) => T): (key: K) => T {
    const results = new Map<K, T>();
    return (key) => {
        const known = results.get(key);
        if (known !== undefined || results.has(key)) return known as T;
        const result = compute(key);
        results.set(key, result);
        return result;
    };
}
