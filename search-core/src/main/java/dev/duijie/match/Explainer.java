package dev.duijie.match;

import dev.duijie.analysis.TokenList;

import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Institution;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;
import dev.duijie.index.Passages;
import dev.duijie.index.SearchIndex;
import org.apache.lucene.analysis.Analyzer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Explains a hit: which key terms it contains (and which came through a synonym), its best sentences with those
 * terms marked, and the structured reasons against the query's context record (same industry, TRL, transfer
 * modes, region). Terms are found by analyzing the hit's own text with the index chain, so a term named in
 * 匹配理由 really occurs in the hit.
 */
final class Explainer {
    private static final int SNIPPETS = 2;
    private static final int MAX_SNIPPET_CHARS = 160;
    private static final int MAX_LISTED_TERMS = 8;
    private static final String ZHUZHOU = "株洲";

    private final SearchIndex index;
    private final Analyzer domain;

    Explainer(SearchIndex index) {
        this.index = index;
        this.domain = index.analyzers().domain();
    }

    /** The index of the body sentence nearest in meaning to the query, or -1; computed only when asked. */
    @FunctionalInterface
    interface NearestSentence {
        NearestSentence NONE = () -> -1;

        int get() throws IOException;
    }

    /** The text parts of a record: title, keywords, body. */
    record Texts(String title, List<String> keywords, String body) {
        static Texts of(Object record) {
            if (record instanceof Result r) {
                return new Texts(r.title(), r.keywords(), r.summary());
            } else if (record instanceof Need n) {
                return new Texts(Objects.requireNonNullElse(n.title(), ""), n.keywords(),
                        Objects.requireNonNullElse(n.description(), ""));
            } else if (record instanceof Expert e) {
                return new Texts(e.name(), e.areas(), Objects.requireNonNullElse(e.bio(), ""));
            } else if (record instanceof Institution i) {
                return new Texts(i.name(), List.of(), Objects.requireNonNullElse(i.city(), ""));
            }
            throw new IllegalArgumentException("not a record: " + record);
        }

        String all() {
            return title + "\n" + String.join("；", keywords) + "\n" + body;
        }
    }

    /**
     * The explained hit. {@code nearestSentence} gives the body sentence nearest in meaning to the query (-1 when
     * unknown): shown as the snippet, with a 语义相近 reason, when no key term occurs in the body — asked only then.
     */
    Hit explain(Kind kind, String id, Object record, double score, int percent, List<KeyTerms.KeyTerm> keyTerms,
                Object context, List<Hit> evidence, NearestSentence nearestSentence) throws IOException {
        Texts texts = Texts.of(record);
        Map<String, KeyTerms.KeyTerm> byTerm = new HashMap<>();
        keyTerms.forEach(t -> byTerm.put(t.term(), t));

        // One analysis of the whole record serves both the matched terms and the snippets.
        List<TokenList.Tok> tokens = TokenList.of(domain, "body", texts.all());
        Map<String, KeyTerms.KeyTerm> found = new LinkedHashMap<>();
        for (TokenList.Tok tok : tokens) {
            KeyTerms.KeyTerm k = byTerm.get(tok.term());
            if (k != null && (k.synonymOf() != null || k.weight() >= 1.0)) {
                found.putIfAbsent(k.term(), k);
            }
        }
        List<KeyTerms.KeyTerm> ranked = found.values().stream()
                .sorted(Comparator.comparingDouble((KeyTerms.KeyTerm k) -> -k.weight())).toList();
        List<MatchedTerm> matched = ranked.stream().map(k -> new MatchedTerm(k.term(), k.synonymOf())).toList();

        List<Reason> reasons = new ArrayList<>();
        List<String> own = ranked.stream().filter(k -> k.synonymOf() == null).map(KeyTerms.KeyTerm::term)
                .limit(MAX_LISTED_TERMS).toList();
        if (!own.isEmpty()) {
            reasons.add(new Reason(Reason.Type.TERMS, "关键词匹配：" + String.join("、", own)));
        }
        List<String> viaSynonym = ranked.stream().filter(k -> k.synonymOf() != null)
                .map(k -> k.term() + "（同义词：" + k.synonymOf() + "）").limit(MAX_LISTED_TERMS).toList();
        if (!viaSynonym.isEmpty()) {
            reasons.add(new Reason(Reason.Type.SYNONYMS, "同义词匹配：" + String.join("、", viaSynonym)));
        }
        List<int[]> spans = Passages.sentences(texts.body());
        List<Snippet> snippets = snippets(texts.body(), spans, texts.all().length() - texts.body().length(), tokens,
                byTerm);
        int closest = snippets.isEmpty() ? nearestSentence.get() : -1;
        if (closest >= 0 && closest < spans.size()) {
            int[] span = spans.get(closest);
            Snippet nearest = trim(texts.body().substring(span[0], span[1]), List.of());
            snippets = List.of(nearest);
            reasons.add(new Reason(Reason.Type.SEMANTIC, (matched.isEmpty() ? "无相同关键词，语义相近：" : "语义相近：")
                    + nearest.text()));
        } else if (snippets.isEmpty() && !spans.isEmpty()) {
            snippets = List.of(trim(texts.body().substring(spans.get(0)[0], spans.get(0)[1]), List.of()));
        }
        contextReasons(record, context, reasons);
        if (!evidence.isEmpty()) {
            reasons.add(new Reason(Reason.Type.EVIDENCE, "相关成果 " + evidence.size() + " 项："
                    + String.join("、", evidence.stream().limit(3).map(h -> "「" + h.title() + "」").toList())));
        }
        return new Hit(kind, id, texts.title(), score, percent, snippets, matched, reasons, record, evidence);
    }

    /**
     * The best sentences of the record's body by the weight of the key terms they contain, in text order; empty
     * when no key term occurs in the body.
     */
    private List<Snippet> snippets(String body, List<int[]> spans, int bodyStart, List<TokenList.Tok> tokens,
                                   Map<String, KeyTerms.KeyTerm> byTerm) {
        double[] score = new double[spans.size()];
        List<List<Snippet.Highlight>> marks = new ArrayList<>();
        List<java.util.Set<String>> counted = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            marks.add(new ArrayList<>());
            counted.add(new java.util.HashSet<>());
        }
        for (TokenList.Tok tok : tokens) {
            KeyTerms.KeyTerm k = byTerm.get(tok.term());
            if (tok.start() < bodyStart || k == null || (k.synonymOf() == null && k.weight() < 1.0)) {
                continue;
            }
            int start = tok.start() - bodyStart;
            int end = tok.end() - bodyStart;
            int i = sentenceOf(spans, start);
            if (i < 0 || end > spans.get(i)[1]) {
                continue; // a token across a sentence end (or in a dropped blank line)
            }
            if (counted.get(i).add(k.term())) {
                score[i] += k.weight();
            }
            marks.get(i).add(new Snippet.Highlight(start - spans.get(i)[0], end - spans.get(i)[0]));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (score[i] > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        List<Integer> best = new ArrayList<>(order.subList(0, Math.min(SNIPPETS, order.size())));
        best.sort(Comparator.naturalOrder());
        return best.stream().map(i -> trim(body.substring(spans.get(i)[0], spans.get(i)[1]), merge(marks.get(i))))
                .toList();
    }

    /** Index of the sentence span containing {@code offset}, or -1. */
    private static int sentenceOf(List<int[]> spans, int offset) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (offset < spans.get(mid)[0]) {
                hi = mid - 1;
            } else if (offset >= spans.get(mid)[1]) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void contextReasons(Object record, Object context, List<Reason> reasons) throws IOException {
        Result result = record instanceof Result r ? r : context instanceof Result r ? r : null;
        Need need = record instanceof Need n ? n : context instanceof Need n ? n : null;
        if (result == null || need == null) {
            return;
        }
        if (result.industry() != null && result.industry().equals(need.industry())) {
            reasons.add(new Reason(Reason.Type.INDUSTRY, "同属行业：" + result.industry()));
        }
        if (result.trl() != null && need.requiredTrl() != null) {
            reasons.add(new Reason(Reason.Type.TRL, result.trl() >= need.requiredTrl()
                    ? "技术成熟度 TRL " + result.trl() + "，达到需求要求的 TRL " + need.requiredTrl()
                    : "技术成熟度 TRL " + result.trl() + "，低于需求要求的 TRL " + need.requiredTrl() + "，需进一步中试"));
        }
        if (!result.transferModes().isEmpty()) {
            reasons.add(new Reason(Reason.Type.TRANSFER, "可采用的转化方式：" + String.join("、", result.transferModes())));
        }
        if (result.institution() != null && need.region() != null) {
            Object inst = index.get(Kind.INSTITUTION, result.institution()).orElse(null);
            if (inst instanceof Institution i && ZHUZHOU.equals(i.city())) {
                reasons.add(new Reason(Reason.Type.REGION, "成果单位" + i.name() + "在株洲本地，需求方位于" + need.region()));
            }
        }
    }

    private static List<Snippet.Highlight> merge(List<Snippet.Highlight> marks) {
        List<Snippet.Highlight> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt(Snippet.Highlight::start));
        List<Snippet.Highlight> out = new ArrayList<>();
        for (Snippet.Highlight h : sorted) {
            if (!out.isEmpty() && h.start() <= out.get(out.size() - 1).end()) {
                Snippet.Highlight last = out.remove(out.size() - 1);
                out.add(new Snippet.Highlight(last.start(), Math.max(last.end(), h.end())));
            } else {
                out.add(h);
            }
        }
        return out;
    }

    /** Long sentences are cut to a window around the first highlight; offsets shift with the cut. */
    private static Snippet trim(String text, List<Snippet.Highlight> marks) {
        if (text.length() <= MAX_SNIPPET_CHARS) {
            return new Snippet(text, marks);
        }
        int from = marks.isEmpty() ? 0 : Math.max(0, Math.min(marks.get(0).start() - 40, text.length() - MAX_SNIPPET_CHARS));
        int to = from + MAX_SNIPPET_CHARS;
        List<Snippet.Highlight> kept = marks.stream().filter(h -> h.start() >= from && h.end() <= to)
                .map(h -> new Snippet.Highlight(h.start() - from + (from > 0 ? 1 : 0), h.end() - from + (from > 0 ? 1 : 0)))
                .toList();
        return new Snippet((from > 0 ? "…" : "") + text.substring(from, to) + "…", kept);
    }
}
