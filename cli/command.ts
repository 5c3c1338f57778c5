import type { CommandSpec, ParsedArgs } from './args';
import type { CliContext } from './context';

/** A command returns its exit status (0 or 1); usage errors are thrown as UsageError (exit 2). */
export interface Command {
  spec: CommandSpec;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
