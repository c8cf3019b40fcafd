/** A mistake in how auditmod was called (flag, path, manifest): one clear line and exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
