/**
 * Jest setup of the mutation run. While a mutant runs (Stryker names it in this variable; the
 * initial run does not), errors carry no stack frames: a killed mutant fails its specs, jest
 * formats each failure's stack, and mapping its frames back to the TypeScript through the
 * source maps of the instrumented files was 7 % of the runners' time. Only the verdict matters
 * there. The initial run keeps them: it records where each test is, which the incremental
 * mode uses to tell a changed test.
 */
if (process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined) Error.stackTraceLimit = 0;
