/**
 * The nightly reindex ({@link dev.duijie.reindex.Reindexer}): validate an export, build a new generation beside the
 * live one, check it, switch the pointer atomically; the old generation serves until then and stays for rollback.
 */
package dev.duijie.reindex;
