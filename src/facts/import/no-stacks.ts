/**
 * Checking a file runs lookups that say "unknown" by throwing (places, values), and csv-parse
 * makes an error object for each row of the wrong length. A stack for each of a million bad
 * rows would cost more than the rest of the check, and nobody reads them: while a file is
 * read, errors are made without one. Errors that leave the import are the user's problems
 * (MotioneraError), which carry what they need in their details.
 */
export function withoutStacks<T>(read: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return read();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
