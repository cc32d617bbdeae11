/**
 * The corpus format (the README's contract): records, the loader that validates a directory and reports every
 * problem with file, line and field, and the size {@link dev.duijie.corpus.Limits}.
 */
package dev.duijie.corpus;
