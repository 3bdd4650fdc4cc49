import { DefaultWorkspaceManager, type LangiumDocument, type LangiumSharedCoreServices, type WorkspaceFolder } from 'langium';

type InitializeParams = Parameters<DefaultWorkspaceManager['initialize']>[0];

/**
 * Langium's workspace manager, with two changes:
 * - Langium's start-up scan only indexes the workspace's documents and validates them at
 *   the first later update, whatever it is (an export writing its files was enough). The
 *   topologies of the folder are validated in the scan instead, as an update would, so the
 *   Problems view shows their findings from the start and an unrelated event never changes it.
 * - The scan reads and parses the folder's topologies (building the parser on the way) as
 *   soon as the client says which folders it has (`initialize`), not once it confirms
 *   (`initialized`): VS Code takes some 50 to 250 ms between the two, registering the
 *   server's features, in which the server had nothing to do before its first diagnostics.
 */
export class TopologyWorkspaceManager extends DefaultWorkspaceManager {
    /** The documents the scan found, started by `initialize`, for the scan `initialized` runs. */
    private early: Promise<LangiumDocument[]> | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = services.workspace.DocumentBuilder.updateBuildOptions;
    }

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        const early = super.performStartup(this.folders ?? []);
        // Awaited by the scan; a failure is reported there, not as an unhandled rejection before it.
        early.catch(() => undefined);
        this.early = early;
    }

    protected override performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        const early = this.early;
        this.early = undefined;
        return early ?? super.performStartup(folders);
    }
}
