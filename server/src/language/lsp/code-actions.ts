import { DocumentValidator, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { Topology } from '../generated/ast.js';
import type { LocaleSetting } from '../l10n/locale.js';
import type { SfbtopoServices } from '../sfbtopo-module.js';
import { IssueCodes } from '../validation/issue-codes.js';
import { exportSourceActions } from './export/export-source-action.js';
import { FixContext } from './quick-fixes/fix-context.js';
import { createGateway } from './quick-fixes/gateway-fixes.js';
import { addLoadBalancer, addMissingPorts, removeExtraPort } from './quick-fixes/load-balancer-fixes.js';
import { swapRange, widenClientRange } from './quick-fixes/range-fixes.js';
import { nearestReference, suggestedService } from './quick-fixes/reference-fixes.js';
import { makeEnterprise, removeStatement } from './quick-fixes/statement-fixes.js';

type QuickFix = (context: FixContext) => CodeAction[];

/** Quick fixes by diagnostic code: only where a finding has one right fix. */
const QUICK_FIXES: Record<string, QuickFix> = {
    [IssueCodes.LoadBalancerMissingPorts]: addMissingPorts,
    [IssueCodes.LoadBalancerExtraPort]: removeExtraPort,
    [IssueCodes.DnsLoadBalancingNeedsHlb]: addLoadBalancer,
    [IssueCodes.HardwareLoadBalancerMissing]: addLoadBalancer,
    [IssueCodes.PortRangeReversed]: swapRange,
    [IssueCodes.ClientMediaTooSmall]: widenClientRange,
    [IssueCodes.OptionNotForRole]: removeStatement,
    [IssueCodes.DuplicateStatement]: removeStatement,
    [IssueCodes.CmsDuplicate]: removeStatement,
    [IssueCodes.StandardEditionLoadBalancing]: removeStatement,
    [IssueCodes.StandardEditionServers]: makeEnterprise,
    [IssueCodes.UnknownService]: suggestedService,
    [DocumentValidator.LinkingError]: (context) => {
        const nearest = nearestReference(context);
        return [...nearest, ...createGateway(context, nearest.length === 0)];
    },
};

export class TopologyCodeActionProvider implements CodeActionProvider {
    private readonly locale: LocaleSetting;

    constructor(services: SfbtopoServices) {
        this.locale = services.l10n.Locale;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const fixes = params.context.diagnostics.flatMap((diagnostic) => {
            const code = (diagnostic.data as { code?: string } | undefined)?.code;
            const fix = code === undefined ? undefined : QUICK_FIXES[code];
            return fix ? fix(new FixContext(document as LangiumDocument<Topology>, diagnostic, this.locale)) : [];
        });
        return [...fixes, ...exportSourceActions(document, params, this.locale)];
    }
}
