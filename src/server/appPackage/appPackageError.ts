/**
 * The app package cannot be built, or is not one Teams would accept. `problems` lists every issue
 * found (not only the first), each naming the file and field, so one run is enough to fix them all.
 */
export class AppPackageError extends Error {
  constructor(
    readonly summary: string,
    readonly problems: readonly string[],
  ) {
    super(`${summary}\n- ${problems.join("\n- ")}`);
    this.name = "AppPackageError";
  }
}
