/**
 * The CLI's command shape. A command is `cli/commands/<name>.ts` exporting a function
 * `(argv, io) => Promise<exitCode>`; register it in `cli/index.ts`. Output goes through `io` so
 * tests can capture it.
 */
export type CommandIo = { out(line: string): void; err(line: string): void };

export type Command = {
  summary: string;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
};
