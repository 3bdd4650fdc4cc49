/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The rules preview's webview script, bundled on its own into out/rules-view.js (browser,
// no imports at run time). It lists the table the language server made, sorted and
// filtered as the user asks; filters exist for the columns the server marks `filter`.
// Data never becomes markup: every cell is set with textContent.
import type { RulesTable } from '../../../server/src/language/lsp/export/export-command-ids.js';
import { format } from '../webview-text.js';
import { compareText, visibleRows } from './rules-filter.js';
import type { FromRulesViewMessage, RulesViewState, RulesViewStrings, ToRulesViewMessage } from './rules-messages.js';

interface VsCodeApi {
    postMessage(message: FromRulesViewMessage): void;
    getState(): RulesViewState | undefined;
    setState(state: RulesViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** Rows drawn at most: a topology of thousands of pools has far more rules than a page can hold. */
const MAX_ROWS = 2000;

const vscode = acquireVsCodeApi();
const state: RulesViewState = { filters: {}, search: '', ...vscode.getState() };
let table: RulesTable | undefined;
let strings: RulesViewStrings | undefined;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const rulesHost = $('rules');
const filtersHost = $('filters');
const status = $('status');

window.addEventListener('message', (event: MessageEvent<ToRulesViewMessage>) => {
    const message = event.data;
    if (message?.type !== 'update') return;
    strings = message.strings;
    state.topology = message.topology;
    save();
    if (message.table) table = message.table;
    document.body.classList.toggle('stale', message.stale);
    status.hidden = !message.message;
    status.textContent = message.message ?? '';
    renderHeader();
    renderRows();
});

vscode.postMessage({ type: 'ready' });

function save(): void {
    vscode.setState(state);
}

/** The title, the note and a filter for each filterable column, with the values the rules have. */
function renderHeader(): void {
    const s = strings!;
    $('title').textContent = table?.title ?? s.loading;
    $('note').textContent = table?.note ?? '';
    filtersHost.replaceChildren();
    if (!table) return;
    const search = document.createElement('input');
    search.type = 'search';
    search.id = 'search';
    search.value = state.search;
    search.placeholder = s.search;
    search.addEventListener('input', () => {
        state.search = search.value;
        save();
        renderRows();
    });
    filtersHost.append(labelled(s.search, search));
    table.columns.forEach((column, index) => {
        if (!column.filter) return;
        const values = [...new Set(table!.rows.map((row) => row[index]))].filter((value) => value !== '').sort(compareText);
        if (values.length < 2 && !state.filters[column.key]) return;
        const select = document.createElement('select');
        select.dataset.key = column.key;
        select.title = format(s.filterBy, column.title);
        select.append(option('', s.all), ...values.map((value) => option(value, value)));
        select.value = values.includes(state.filters[column.key]) ? state.filters[column.key] : '';
        select.addEventListener('change', () => {
            if (select.value) state.filters[column.key] = select.value;
            else delete state.filters[column.key];
            save();
            renderRows();
        });
        filtersHost.append(labelled(column.title, select));
    });
    const clear = document.createElement('button');
    clear.textContent = s.clear;
    clear.addEventListener('click', () => {
        state.filters = {};
        state.search = '';
        save();
        renderHeader();
        renderRows();
    });
    const count = document.createElement('span');
    count.id = 'count';
    count.className = 'count';
    filtersHost.append(clear, count);
}

function renderRows(): void {
    const s = strings!;
    rulesHost.replaceChildren();
    if (!table) {
        report(0, 0);
        return;
    }
    const columns = table.columns;
    const rows = visibleRows(table, state);
    $('count').textContent = format(s.shown, rows.length, table.rows.length);
    const element = document.createElement('table');
    const head = element.createTHead().insertRow();
    for (const column of columns) {
        const th = document.createElement('th');
        th.textContent = column.title;
        th.className = `key-${column.key}`;
        th.scope = 'col';
        th.tabIndex = 0;
        th.title = s.sortBy;
        th.setAttribute('aria-sort', state.sort?.key === column.key ? (state.sort.descending ? 'descending' : 'ascending') : 'none');
        const sortBy = () => {
            state.sort = { key: column.key, descending: state.sort?.key === column.key && !state.sort.descending };
            save();
            renderRows();
        };
        th.addEventListener('click', sortBy);
        th.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                sortBy();
            }
        });
        head.append(th);
    }
    const body = element.createTBody();
    const ruleIndex = columns.findIndex((column) => column.key === 'rule');
    for (const row of rows.slice(0, MAX_ROWS)) {
        const tr = body.insertRow();
        if (ruleIndex >= 0) tr.title = row[ruleIndex];
        row.forEach((cell, i) => {
            const td = tr.insertCell();
            td.textContent = cell;
            td.className = `key-${columns[i].key}`;
            // The title each cell shows before itself when rows become blocks (narrow views).
            td.dataset.title = columns[i].title;
        });
    }
    rulesHost.append(element);
    if (rows.length === 0) rulesHost.append(paragraph(s.noMatch));
    if (rows.length > MAX_ROWS) rulesHost.append(paragraph(format(s.truncated, MAX_ROWS)));
    report(table.rows.length, Math.min(rows.length, MAX_ROWS));
}

function report(rows: number, shown: number): void {
    vscode.postMessage({ type: 'rendered', rows, shown, stale: document.body.classList.contains('stale') });
}

function labelled(text: string, control: HTMLElement): HTMLElement {
    const label = document.createElement('label');
    const caption = document.createElement('span');
    caption.textContent = text;
    label.append(caption, control);
    return label;
}

function option(value: string, text: string): HTMLOptionElement {
    const item = document.createElement('option');
    item.value = value;
    item.textContent = text;
    return item;
}

function paragraph(text: string): HTMLElement {
    const item = document.createElement('p');
    item.className = 'hint';
    item.textContent = text;
    return item;
}
