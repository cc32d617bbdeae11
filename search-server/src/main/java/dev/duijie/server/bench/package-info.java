/**
 * JMH microbenchmarks run by {@code ./duijie bench --only jmh} (never by {@code mvn verify}): the analysis chain
 * against plain smartcn, the bge-small-zh WordPiece tokenizer, and reciprocal-rank fusion.
 */
package dev.duijie.server.bench;
