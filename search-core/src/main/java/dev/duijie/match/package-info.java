/**
 * Matching: weighted key terms from a need's text ({@code KeyTerms}), Lucene queries built from terms only
 * ({@code QueryBuilder}), ranking of results, needs and experts ({@link dev.duijie.match.Matcher}), and explanations
 * — matched terms, marked snippets and 匹配理由 ({@code Explainer}). The public value types of the API live here.
 */
package dev.duijie.match;
