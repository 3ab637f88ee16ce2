/**
 * TypeScript as Stryker's checker should drive it. The checker runs TypeScript's watch builder,
 * and two of that builder's habits, right for an editor, made each check cost far more than
 * the mutant it checks:
 *
 * - It waits 250 ms after a file changes before it compiles again (to gather the edits of a
 *   save). The checker applies a mutant's edits all at once, then waits for that build: here
 *   the build starts on the next turn of the event loop.
 * - It parses every file of the program again on every build (the solution builder keeps no
 *   source files between builds), TypeScript's and @types declarations included: most of the
 *   checker's time went to scanning and binding text that had not changed. Here a file whose
 *   text is the one last parsed gets the same SourceFile back, as `tsc --watch` does, so
 *   TypeScript reuses it, bound, and parses again only the mutated files.
 */
const ts = require('typescript');

/** A timer function that ignores the delay asked for. */
function withoutDelay(setTimer) {
  return (callback, _ms, ...args) => setTimer(callback, 0, ...args);
}

function settingsKey(languageVersionOrOptions) {
  if (typeof languageVersionOrOptions !== 'object') return String(languageVersionOrOptions);
  const { languageVersion, impliedNodeFormat } = languageVersionOrOptions;
  return `${languageVersion}:${impliedNodeFormat}`;
}

/** Makes `host` hand back the SourceFile last parsed for a file whose text has not changed since. */
function reusingSourceFiles(host, parsed) {
  const getSourceFile = host.getSourceFile;
  if (getSourceFile.reusing) return host;
  const reusing = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    const text = host.readFile(fileName);
    const key = `${fileName}\0${settingsKey(languageVersionOrOptions)}`;
    const last = parsed.get(key);
    if (!shouldCreateNewSourceFile && text !== undefined && last?.text === text) return last.sourceFile;
    const sourceFile = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    if (sourceFile !== undefined && text !== undefined) parsed.set(key, { text, sourceFile });
    return sourceFile;
  };
  reusing.reusing = true;
  host.getSourceFile = reusing;
  return host;
}

/**
 * TypeScript with the builder the checker calls wrapped. Its exports are getters that cannot be
 * reassigned, so this is a copy of them.
 */
function typescriptForMutants() {
  const parsed = new Map();
  const createBuilderProgram = ts.createEmitAndSemanticDiagnosticsBuilderProgram;
  const descriptors = Object.getOwnPropertyDescriptors(ts);
  descriptors.createEmitAndSemanticDiagnosticsBuilderProgram = {
    enumerable: true,
    value: (rootNames, options, host, ...rest) =>
      createBuilderProgram(rootNames, options, host === undefined ? host : reusingSourceFiles(host, parsed), ...rest),
  };
  return Object.create(null, descriptors);
}

module.exports = { typescriptForMutants, withoutDelay };
