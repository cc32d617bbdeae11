package dev.duijie.match;

/**
 * One reason a hit matched (匹配理由), in Chinese for staff to show an enterprise.
 *
 * @param type what kind of evidence it is
 * @param text the sentence shown, e.g. 「关键词匹配：氮化硅、陶瓷基板」 or 「同属行业：陶瓷」
 */
public record Reason(Type type, String text) {
    /** Kinds of reason. */
    public enum Type {
        /** Key terms of the query found in the hit. */
        TERMS,
        /** Key terms found through the synonym thesaurus. */
        SYNONYMS,
        /** Same industry as the need. */
        INDUSTRY,
        /** The result's TRL meets (or misses) the need's required TRL. */
        TRL,
        /** The result's transfer modes. */
        TRANSFER,
        /** Same region / local institution. */
        REGION,
        /** For experts: the results that support them. */
        EVIDENCE,
        /** No key term in common, but close in meaning (embeddings): the nearest sentence is named. */
        SEMANTIC
    }
}
