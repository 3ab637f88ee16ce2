import { Command, CommanderError } from 'commander';
import { EXIT, oneLine, UsageError, type CliIo, type ExitCode } from './cli-io';
import { backupCommand } from './commands/backup.command';
import { exportCommand } from './commands/export.command';
import { importVerifyCommand } from './commands/import-verify.command';
import { purgeDueCommand } from './commands/purge-due.command';
import { replayCommand } from './commands/replay.command';
import { rotateMasterKeyCommand } from './commands/rotate-master-key.command';
import { verifyCommand } from './commands/verify.command';

type Register = (program: Command, io: CliIo, done: (code: ExitCode) => void) => void;

const COMMANDS: readonly Register[] = [
  verifyCommand,
  replayCommand,
  purgeDueCommand,
  exportCommand,
  importVerifyCommand,
  backupCommand,
  rotateMasterKeyCommand,
];

/** The `vigie` program; commands inherit the output and exit handling set here first. */
function buildProgram(io: CliIo, done: (code: ExitCode) => void): Command {
  const program = new Command('vigie')
    .description('Vigie for auditors and operations: verify, replay, export and purge, on the store directly (never through HTTP)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Usage errors: one line on stderr (commander's own "error: …"), exit 2 below.
      outputError: (text, write) => write(`${oneLine(text)}\n`),
    })
    .showSuggestionAfterError(true);
  for (const register of COMMANDS) register(program, io, done);
  return program;
}

/**
 * Runs `vigie <argv>` in this process and resolves to its exit code (docs/api.md → Command
 * line): 0 success, 1 a check failed, 2 bad usage or bad input. Never throws and never
 * exits the process, so tests call it directly.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      io.stderr.write(`error: missing command, one of: ${program.commands.map((c) => c.name()).join(', ')} (see vigie --help)\n`);
      return EXIT.badUsage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride too, with code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badUsage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${oneLine(error.message)}\n`);
      return EXIT.badUsage;
    }
    // No stack trace or internal detail reaches the caller (docs/design.md → Errors).
    io.stderr.write(`error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT.checkFailed;
  }
}
