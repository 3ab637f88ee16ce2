import ts from 'typescript';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { typescriptForMutants, withoutDelay } = require('./typescript-for-mutants.js') as {
  typescriptForMutants(): typeof ts;
  withoutDelay(setTimer: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown;
};

/** A two-file program in memory, compiled as the checker's builder compiles it; counts the parses. */
function inMemoryProject(files: Record<string, string>) {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, noLib: true, types: [] };
  const parses: string[] = [];
  const build = (typescript: typeof ts, oldProgram?: ts.EmitAndSemanticDiagnosticsBuilderProgram) => {
    const host = ts.createCompilerHost(options);
    host.readFile = (fileName) => files[fileName];
    host.fileExists = (fileName) => fileName in files;
    host.directoryExists = (directory) => Object.keys(files).some((f) => f.startsWith(`${directory}/`));
    host.realpath = (path) => path;
    host.getSourceFile = (fileName, languageVersion) => {
      parses.push(fileName);
      // As the solution builder does: the builder compares files by version.
      return Object.assign(ts.createSourceFile(fileName, files[fileName], languageVersion), { version: files[fileName] });
    };
    return typescript.createEmitAndSemanticDiagnosticsBuilderProgram(Object.keys(files), options, host, oldProgram);
  };
  return { files, parses, build };
}

const errorsOf = (program: ts.EmitAndSemanticDiagnosticsBuilderProgram) =>
  program.getSemanticDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

describe("the TypeScript of Stryker's checker", () => {
  it('parses again only the files whose text changed, and still reports what the change broke', () => {
    const project = inMemoryProject({
      '/p/sum.ts': 'export function sum(a: number, b: number): number { return a + b; }',
      '/p/use.ts': "import { sum } from './sum';\nexport const total: number = sum(1, 2);",
    });
    const typescript = typescriptForMutants();

    const first = project.build(typescript);
    expect(errorsOf(first)).toEqual([]);
    expect(project.parses.sort()).toEqual(['/p/sum.ts', '/p/use.ts']);

    // A mutant: the return type changes, and the unchanged file that uses it no longer compiles.
    project.parses.length = 0;
    project.files['/p/sum.ts'] = 'export function sum(a: number, b: number): string { return "" + a + b; }';
    const mutated = project.build(typescript, first);
    expect(project.parses).toEqual(['/p/sum.ts']);
    expect(first.getProgram().getSourceFile('/p/use.ts')).toBe(mutated.getProgram().getSourceFile('/p/use.ts'));
    expect(errorsOf(mutated)).toEqual([expect.stringContaining("Type 'string' is not assignable to type 'number'")]);
  });

  it('parses every file again on every build without it, as TypeScript itself does', () => {
    const project = inMemoryProject({ '/p/a.ts': 'export const a = 1;' });
    const first = project.build(ts);
    project.build(ts, first);
    expect(project.parses).toEqual(['/p/a.ts', '/p/a.ts']);
  });

  it('starts a build as soon as it is asked for, without the watch delay', () => {
    const setTimer = jest.fn();
    const callback = () => undefined;
    withoutDelay(setTimer)(callback, 250, 'timerToBuildInvalidatedProject');
    expect(setTimer).toHaveBeenCalledWith(callback, 0, 'timerToBuildInvalidatedProject');
  });
});
