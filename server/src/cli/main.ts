import { Command, CommanderError, Option } from 'commander';
import { join } from 'node:path';
import { catalogueCommand } from './commands/catalogue.js';
import type { ExportFormatChoice } from './commands/export.js';
import { DIFF_FORMATS, type DiffFormat } from './diff-formats.js';
import { VALIDATE_FORMATS, validateCommand, type ValidateFormat } from './commands/validate.js';
import { ExitCode } from './exit-codes.js';
import { processOutput } from './output.js';
import { runWithCodeCache } from '../launch/code-cache.js';
import { LANGUAGE_SERVER_V8_FLAGS } from '../workspace/v8-flags.js';
import type { Locale } from '../language/l10n/locale.js';
import { EXPORT_FORMATS } from '../export/formats.js';

/** Replaced with package.json's version by the bundler. */
declare const SFBTOPO_VERSION: string;

/** The `sfbtopo` command line: the same engine as the language server (spec §4). */
async function main(argv: string[]): Promise<number> {
    let exitCode: number = ExitCode.Ok;
    const program = new Command()
        .name('sfbtopo')
        .description('Validate Skype for Business Server topologies (.sfbtopo), export their firewall and IPsec rules, compare the rules of two versions, import them from Topology Builder, and print the port catalogue.')
        .version(SFBTOPO_VERSION)
        .exitOverride()
        .showHelpAfterError('(run `sfbtopo --help` for the commands)');

    program
        .command('validate')
        .description('check topology files; prints file:line:col: severity: message [code]')
        .argument('<files...>', '.sfbtopo files to check')
        .addOption(new Option('--locale <locale>', 'language of the messages').choices(['en', 'ja']).default('en'))
        .addOption(new Option('--format <format>', 'output format: compiler-style lines, a JSON array or a SARIF 2.1.0 log').choices(VALIDATE_FORMATS).default('text'))
        .action(async (files: string[], options: { locale: Locale; format: ValidateFormat }) => {
            exitCode = await validateCommand(files, { ...options, toolVersion: SFBTOPO_VERSION }, processOutput);
        });

    program
        .command('export')
        .description('write firewall rules and IPsec exceptions for a topology without errors (nothing is written if it has any)')
        .argument('<file>', '.sfbtopo file to export')
        .addOption(new Option('--format <format>', 'what to write; all = every format').choices([...EXPORT_FORMATS, 'all']).default('all'))
        .option('--out <dir>', 'output folder (default: rules/ beside the topology file)')
        .option('--force', 'overwrite files changed by hand since the last export, and files sfbtopo did not write')
        .addOption(new Option('--locale <locale>', 'language of the messages').choices(['en', 'ja']).default('en'))
        .action(async (file: string, options: { format: ExportFormatChoice; out?: string; force?: boolean; locale: Locale }) => {
            // Loaded for this command only, as the map's below: validating needs neither (nor the crypto and file modules they load).
            const { exportCommand } = await import('./commands/export.js');
            exitCode = await exportCommand(file, options, processOutput);
        });

    program
        .command('map')
        .description('draw the topology map (sites, pools, flows labelled with their ports) as SVG, for a topology without errors')
        .argument('<file>', '.sfbtopo file to draw')
        .option('--out <file>', 'SVG file to write (default: the SVG on stdout)')
        .addOption(new Option('--locale <locale>', 'language of the labels and messages').choices(['en', 'ja']).default('en'))
        .action(async (file: string, options: { out?: string; locale: Locale }) => {
            const { mapCommand } = await import('./commands/map.js');
            exitCode = await mapCommand(file, options, processOutput);
        });

    program
        .command('import')
        .description('write a topology in this language from a Topology Builder file (.tbxml) or a published topology (Get-CsTopology -AsXml); facts the XML lacks are left as errors to fill in')
        .argument('<file>', 'topology XML: .tbxml, or the output of Get-CsTopology -AsXml (UTF-8 or UTF-16)')
        .option('--out <file>', '.sfbtopo file to write (default: the topology on stdout); the import report goes to stderr')
        .option('--hosts <file>', 'hosts file (lines of ADDRESS NAME...) giving the addresses of servers the XML records as 0.0.0.0')
        .option('--resolve', "look the servers' FQDNs up in DNS for the addresses the XML lacks (run it inside the network)")
        .addOption(new Option('--locale <locale>', 'language of the import report and of the reason an import is refused').choices(['en', 'ja']).default('en'))
        .addHelpText(
            'after',
            '\nExit status: 0 when written; 2 when the file is not a readable topology XML (file:line:col: message), nothing written.\n' +
                'The written file opens with a comment naming its source. Addresses the XML does not hold are written as 0.0.0.0,\n' +
                'subnets as 0.0.0.0/0, and pools of several servers without load balancing: `sfbtopo validate` reports each as an error.',
        )
        .action(async (file: string, options: { out?: string; hosts?: string; resolve?: boolean; locale: Locale }) => {
            const { importCommand } = await import('./commands/import.js');
            exitCode = await importCommand(file, options, processOutput);
        });

    program
        .command('diff')
        .description('the firewall rules and IPsec exceptions added, removed, changed and renamed between two topologies (a firewall change request)')
        .usage('[options] OLD NEW\n       sfbtopo diff [options] --git REV FILE')
        .argument('<files...>', 'OLD and NEW .sfbtopo files (OLD may be the rules.json of an export); with --git, one file')
        .addOption(new Option('--format <format>', 'text (+ open, - close, ~ changed, = renamed), markdown (a change request), csv or json').choices(DIFF_FORMATS).default('text'))
        .option('--exit-code', 'exit 1 when any rule changed, 0 when none did (as git diff --exit-code)')
        .option('--git <rev>', 'compare FILE with itself at a git revision (HEAD, HEAD~1, a branch, a tag)')
        .addOption(new Option('--locale <locale>', 'language of the text and markdown').choices(['en', 'ja']).default('en'))
        .addHelpText(
            'after',
            '\nExit status: 0; with --exit-code, 0 when no rule changed and 1 when some did.\n  1 when either topology has errors (printed as sfbtopo validate prints them),\n  2 when a file cannot be read, or the revision or the file is not in git.\n\nExamples:\n  sfbtopo diff old.sfbtopo contoso.sfbtopo\n  sfbtopo diff --git HEAD contoso.sfbtopo --format markdown > change-request.md\n  sfbtopo diff rules/rules.json contoso.sfbtopo --exit-code',
        )
        .action(async (files: string[], options: { format: DiffFormat; exitCode?: boolean; git?: string; locale: Locale }) => {
            const { diffCommand } = await import('./commands/diff.js');
            // Colours only for a terminal that has not asked for none (https://no-color.org).
            const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
            exitCode = await diffCommand(files, { ...options, colour }, processOutput);
        });

    program
        .command('catalogue')
        .description('print the port catalogue transcribed from the product documentation')
        .option('--json', 'print it as a JSON array')
        .action((options: { json?: boolean }) => {
            exitCode = catalogueCommand(options, processOutput);
        });

    program
        .command('lsp')
        .description('run the language server for any LSP client')
        .requiredOption('--stdio', 'speak the Language Server Protocol over stdin and stdout')
        .action(() => {
            // The language server's own bundle, beside this one (esbuild.mjs): the other commands never load it.
            runWithCodeCache(join(__dirname, 'server-main.cjs'), 'server', LANGUAGE_SERVER_V8_FLAGS);
            exitCode = -1; // the server owns the process from here on
        });

    try {
        await program.parseAsync(argv);
    } catch (error) {
        if (error instanceof CommanderError) {
            // Help and version are successful exits; anything else is bad usage.
            const informational = ['commander.helpDisplayed', 'commander.version'].includes(error.code);
            return informational ? ExitCode.Ok : ExitCode.UsageOrInput;
        }
        throw error;
    }
    return exitCode;
}

// A reader that stops early (`sfbtopo catalogue | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.Ok);
    throw error;
});

main(process.argv).then(
    (code) => {
        // -1: the language server runs on. Otherwise the process ends once its output is written:
        // Node's own end would first free its heap piece by piece, a few ms more of a validation.
        if (code < 0) return;
        process.exitCode = code;
        process.stdout.write('', () => process.stderr.write('', () => process.exit()));
    },
    (error: unknown) => {
        process.stderr.write(`sfbtopo: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = ExitCode.UsageOrInput;
    },
);
