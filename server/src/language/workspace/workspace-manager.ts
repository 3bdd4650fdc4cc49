import { DefaultWorkspaceManager, type LangiumSharedCoreServices } from 'langium';

/**
 * Langium's start-up scan only indexes the workspace's documents and validates them at the
 * first later update, whatever it is (an export writing its files was enough). The topologies
 * of the folder are validated in the scan instead, as an update would, so the Problems view
 * shows their findings from the start and an unrelated event never changes it.
 */
export class TopologyWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = services.workspace.DocumentBuilder.updateBuildOptions;
    }
}
