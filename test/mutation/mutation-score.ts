/** Scores of a Stryker JSON report (mutation-testing-report-schema), per module of the mutation scope. */
export interface MutantResult {
  readonly status: string;
}

export interface MutationReport {
  readonly files: Record<string, { readonly mutants: readonly MutantResult[] }>;
}

export interface ModuleScore {
  readonly name: string;
  readonly target: number;
  readonly killed: number;
  readonly survived: number;
  readonly noCoverage: number;
  /** Killed or timed out, over every valid mutant (as Stryker counts it): undefined when none. */
  readonly score: number | undefined;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** A module owns the files under the fixed part of its globs (`libs/domain/src/**` owns `libs/domain/src/`). */
const prefixOf = (glob: string): string => glob.slice(0, glob.indexOf('*'));

export function scoresPerModule(
  report: MutationReport,
  modules: readonly { name: string; target: number; mutate: readonly string[] }[],
  root: string,
): ModuleScore[] {
  return modules.map(({ name, target, mutate }) => {
    const prefixes = mutate.map(prefixOf);
    const mutants = Object.entries(report.files)
      .filter(([file]) => prefixes.some((p) => file.replace(`${root}/`, '').startsWith(p)))
      .flatMap(([, f]) => f.mutants);
    const count = (status: string): number => mutants.filter((m) => m.status === status).length;
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
    const valid = detected + mutants.filter((m) => UNDETECTED.has(m.status)).length;
    return {
      name,
      target,
      killed: detected,
      survived: count('Survived'),
      noCoverage: count('NoCoverage'),
      score: valid === 0 ? undefined : (100 * detected) / valid,
    };
  });
}

export function scoreTable(scores: readonly ModuleScore[]): string {
  const lines = scores.map(({ name, target, killed, survived, noCoverage, score }) => {
    const verdict = score === undefined ? 'no mutants' : score >= target ? 'ok' : 'BELOW TARGET';
    const shown = score === undefined ? '   -  ' : `${score.toFixed(1).padStart(5)}%`;
    return `${name.padEnd(20)} ${shown}  target ≥ ${target}%  ${verdict.padEnd(12)} killed ${killed}, survived ${survived}, no coverage ${noCoverage}`;
  });
  return ['Mutation score per module', ...lines].join('\n');
}
