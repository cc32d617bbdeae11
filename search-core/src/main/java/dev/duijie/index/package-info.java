/**
 * The Lucene index: one index for all kinds, with kind-prefixed text fields so BM25 statistics stay per kind
 * ({@link dev.duijie.index.Fields}), shared filter and facet fields, and the stored record as JSON.
 */
package dev.duijie.index;
