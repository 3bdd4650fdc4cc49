import { isFqdn, type Fqdn, type Topology } from '../generated/ast.js';
import { fqdnProblem, normaliseFqdn, type FqdnProblem } from '../../net/fqdn.js';
import type { Bilingual } from '../l10n/locale.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';
import { allContents, lineOf } from './topology-contents.js';

export function checkFqdn(fqdn: Fqdn, report: Reporter): void {
    const problem = fqdn.value === undefined ? undefined : fqdnProblem(fqdn.value);
    if (problem) {
        const why = fqdnMessage(problem, fqdn.value);
        report('error', IssueCodes.InvalidFqdn, { en: `Invalid FQDN: ${why.en}`, ja: `FQDN が正しくありません。${why.ja}` }, { node: fqdn, property: 'value' });
    }
}

function fqdnMessage(problem: FqdnProblem, text: string): Bilingual {
    switch (problem.kind) {
        case 'empty':
            return { en: 'the FQDN is empty: write the pool\'s DNS name, such as "pool01.contoso.com".', ja: 'FQDN が空です。"pool01.contoso.com" のようにプールの DNS 名を書きます。' };
        case 'too-long':
            return { en: `the FQDN is ${problem.length} characters long; DNS names are at most 253.`, ja: `FQDN が ${problem.length} 文字あります。DNS 名は 253 文字までです。` };
        case 'single-label':
            return { en: `'${text}' is not fully qualified: add the DNS domain, such as "${text}.contoso.com".`, ja: `'${text}' は完全修飾名ではありません。"${text}.contoso.com" のように DNS ドメインを付けます。` };
        case 'empty-label':
            return { en: `'${text}' has an empty label (two dots in a row, or a leading or trailing dot).`, ja: `'${text}' に空のラベルがあります (ドットの連続、または先頭か末尾のドット)。` };
        case 'label-too-long':
            return {
                en: `the label '${problem.label.slice(0, 20)}…' in '${text}' is ${problem.label.length} characters long; DNS labels are at most 63.`,
                ja: `'${text}' のラベル '${problem.label.slice(0, 20)}…' は ${problem.label.length} 文字あります。DNS のラベルは 63 文字までです。`,
            };
        case 'bad-label':
            return {
                en: `the label '${problem.label}' in '${text}' is not a host name label: use letters, digits and inner hyphens only.`,
                ja: `'${text}' のラベル '${problem.label}' はホスト名に使えません。英字、数字、途中のハイフンだけを使います。`,
            };
        case 'numeric-tld':
            return {
                en: `'${text}' ends in an all-digit label, so it is not a host name; write the address in an address position instead.`,
                ja: `'${text}' は数字だけのラベルで終わるため、ホスト名ではありません。アドレスはアドレスを書く位置に書きます。`,
            };
    }
}

export function checkUniqueFqdns(topology: Topology, report: Reporter): void {
    const first = new Map<string, Fqdn>();
    for (const fqdn of allContents(topology).filter(isFqdn)) {
        if (fqdn.value === undefined || fqdnProblem(fqdn.value)) {
            continue; // reported as an invalid FQDN
        }
        const key = normaliseFqdn(fqdn.value);
        const earlier = first.get(key);
        if (!earlier) {
            first.set(key, fqdn);
            continue;
        }
        const owner = ownerOf(earlier);
        const line = lineOf(earlier);
        report(
            'error',
            IssueCodes.DuplicateFqdn,
            {
                en: `The FQDN "${fqdn.value}" is already given to ${owner.en} at line ${line}; every pool and file share needs its own DNS name.`,
                ja: `FQDN "${fqdn.value}" は ${line} 行目の${owner.ja}で既に使われています。プールとファイル共有には、それぞれ別の DNS 名が必要です。`,
            },
            { node: fqdn, property: 'value' },
        );
    }
}

function ownerOf(fqdn: Fqdn): Bilingual {
    const owner = fqdn.$container;
    return owner.$type === 'Pool'
        ? { en: `${owner.role} pool ${owner.name}`, ja: `${owner.role} プール ${owner.name}` }
        : { en: `file share ${owner.name}`, ja: `ファイル共有 ${owner.name}` };
}
