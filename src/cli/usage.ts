/** Command-line usage errors: thrown while reading arguments, printed once with a pointer to --help. */
export class UsageError extends Error {}

/** Runs an argument parser; on a usage error prints it and returns null (the caller exits 1). */
export function parseOrReport<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\nRun with --help for usage / 用 --help 查看用法`);
    return null;
  }
}
