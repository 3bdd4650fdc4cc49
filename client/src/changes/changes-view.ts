/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The rule changes webview script, bundled on its own into out/changes-view.js (browser, no
// imports at run time). It draws the change request the language server made: the counts,
// then a table per firewall, site and destination. Added text is shown as inserted, removed
// text as deleted. Data never becomes markup: every piece is set with textContent.
import type { ChangeRequest, Segment } from '../../../server/src/diff/change-request.js';
import type { ChangesViewState, ChangesViewStrings, FromChangesViewMessage, ToChangesViewMessage } from './changes-messages.js';

interface VsCodeApi {
    postMessage(message: FromChangesViewMessage): void;
    setState(state: ChangesViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const $ = (id: string) => document.getElementById(id)!;
let strings: ChangesViewStrings | undefined;

$('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy' }));

window.addEventListener('message', (event: MessageEvent<ToChangesViewMessage>) => {
    const message = event.data;
    if (message?.type !== 'update') return;
    vscode.setState({ topology: message.topology, against: message.against });
    strings = message.strings;
    $('copy').textContent = strings.copy;
    ($('copy') as HTMLButtonElement).disabled = !message.request;
    document.body.classList.toggle('stale', message.stale);
    const status = $('status');
    status.hidden = !message.message;
    status.textContent = message.message ?? '';
    render(message.request);
    const main = $('changes');
    vscode.postMessage({ type: 'rendered', groups: main.querySelectorAll('section').length, rows: main.querySelectorAll('section tbody tr').length, stale: message.stale, text: document.body.textContent ?? '' });
});

vscode.postMessage({ type: 'ready' });

function render(request: ChangeRequest | undefined): void {
    $('title').textContent = request?.title ?? strings!.loading;
    $('intro').textContent = request ? `${request.intro} ${strings!.follows}` : '';
    const main = $('changes');
    main.replaceChildren();
    if (!request) return;
    main.append(table(request.summaryColumns, request.summary.map((row) => ({ change: row.change, cells: [[{ text: row.title }], [{ text: String(row.firewall) }], [{ text: String(row.ipsec) }]] })), 'summary'));
    if (request.nothing) main.append(element('p', request.nothing));
    for (const group of request.groups) {
        const section = document.createElement('section');
        section.append(element('h2', group.heading), table(request.columns, group.rows));
        main.append(section);
    }
}

function table(columns: string[], rows: Array<{ change: string; cells: Segment[][] }>, className?: string): HTMLTableElement {
    const result = document.createElement('table');
    if (className) result.className = className;
    const head = result.createTHead().insertRow();
    for (const title of columns) head.append(element('th', title));
    const body = result.createTBody();
    for (const row of rows) {
        const tr = body.insertRow();
        tr.className = `change-${row.change}`;
        for (const [index, cell] of row.cells.entries()) {
            const td = tr.insertCell();
            td.dataset.title = columns[index];
            for (const piece of cell) td.append(piece.mark ? element(piece.mark === 'added' ? 'ins' : 'del', piece.text) : document.createTextNode(piece.text));
        }
    }
    return result;
}

function element(tag: string, text: string): HTMLElement {
    const node = document.createElement(tag);
    node.textContent = text;
    return node;
}
