package dev.duijie.match;

import dev.duijie.analysis.TokenList;

import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Institution;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;
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

    Hit explain(Kind kind, String id, Object record, double score, int percent, List<KeyTerms.KeyTerm> keyTerms,
                Object context, List<Hit> evidence) throws IOException {
        Texts texts = Texts.of(record);
        Map<String, KeyTerms.KeyTerm> byTerm = new HashMap<>();
        keyTerms.forEach(t -> byTerm.put(t.term(), t));

        Map<String, KeyTerms.KeyTerm> found = new LinkedHashMap<>();
        for (TokenList.Tok tok : TokenList.of(domain, "body", texts.all())) {
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
        contextReasons(record, context, reasons);
        if (!evidence.isEmpty()) {
            reasons.add(new Reason(Reason.Type.EVIDENCE, "相关成果 " + evidence.size() + " 项："
                    + String.join("、", evidence.stream().limit(3).map(h -> "「" + h.title() + "」").toList())));
        }
        return new Hit(kind, id, texts.title(), score, percent, snippets(texts.body(), byTerm), matched, reasons,
                record, evidence);
    }

    /** The best sentences of {@code body} by the weight of the key terms they contain, in text order. */
    List<Snippet> snippets(String body, Map<String, KeyTerms.KeyTerm> byTerm) {
        record Scored(int order, String text, double score, List<Snippet.Highlight> highlights) {
        }
        List<Scored> scored = new ArrayList<>();
        List<String> sentences = sentences(body);
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            double total = 0;
            List<Snippet.Highlight> marks = new ArrayList<>();
            Map<String, Boolean> counted = new HashMap<>();
            for (TokenList.Tok tok : TokenList.of(domain, "body", s)) {
                KeyTerms.KeyTerm k = byTerm.get(tok.term());
                if (k == null || (k.synonymOf() == null && k.weight() < 1.0)) {
                    continue;
                }
                if (counted.putIfAbsent(k.term(), true) == null) {
                    total += k.weight();
                }
                marks.add(new Snippet.Highlight(tok.start(), tok.end()));
            }
            scored.add(new Scored(i, s, total, merge(marks)));
        }
        List<Scored> best = scored.stream().filter(x -> x.score() > 0)
                .sorted(Comparator.comparingDouble((Scored x) -> -x.score()).thenComparingInt(Scored::order))
                .limit(SNIPPETS).sorted(Comparator.comparingInt(Scored::order)).toList();
        if (best.isEmpty() && !scored.isEmpty()) {
            best = List.of(scored.get(0));
        }
        return best.stream().map(x -> trim(x.text(), x.highlights())).toList();
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

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '\n') {
                if (i + 1 - start > 1 || c != '\n') {
                    out.add(text.substring(start, c == '\n' ? i : i + 1));
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        out.removeIf(String::isBlank);
        return out;
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
