package dev.duijie.data.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the bundled corpus from the hand-written banks, deterministically (fixed seed): it assigns ids, dates
 * and industries, and derives the experts — one research group per (institution, industry, sub-field) whose
 * members' areas and bios come from the group's own results, so experts are consistent with their results.
 * The texts of results and needs are the banks' own; the generator only composes the expert bios.
 */
public final class CorpusGenerator {
    public static final long SEED = 20261127L;

    private final Random rnd = new Random(SEED);
    private final Names names = new Names(new Random(SEED + 1));

    /** Counts of what was written, and the share of result summaries sharing a 15-character run with another. */
    public record Generated(int results, int needs, int experts, int institutions, double sharedRunShare) {
    }

    private record Member(String id, String name, String title, String institution, List<String> areas, boolean lead) {
    }

    /** One expert's portfolio: the sub-fields they own (seniors) or co-author in, and those results. */
    private record Group(String institution, Industry industry, List<String> subfields, List<Banks.Entry> results,
                         boolean senior) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Reads {@code banksDir} and writes the four JSON Lines files to {@code outDir}. */
    public static Generated generateBundled(Path banksDir, Path outDir) throws IOException {
        return new CorpusGenerator().run(banksDir, outDir);
    }

    private Generated run(Path banksDir, Path outDir) throws IOException {
        List<Banks.Entry> results = Banks.read(banksDir, "results");
        List<Banks.Entry> needs = Banks.read(banksDir, "needs");
        Files.createDirectories(outDir);

        Map<Banks.Entry, String> resultIds = ids(results, "R");
        Map<Banks.Entry, String> needIds = ids(needs, "N");

        // Labs: one per (institution, industry). Each sub-field of a lab is owned by one senior member (about one
        // per five results, balanced by load); larger labs add juniors who co-author some results.
        Map<String, List<Banks.Entry>> labs = new LinkedHashMap<>();
        for (Banks.Entry r : results) {
            labs.computeIfAbsent(r.text("institution") + "|" + r.industry().slug(), k -> new ArrayList<>()).add(r);
        }
        Map<Banks.Entry, List<String>> teams = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (List<Banks.Entry> lab : labs.values()) {
            Map<String, List<Banks.Entry>> bySubfield = new LinkedHashMap<>();
            lab.forEach(r -> bySubfield.computeIfAbsent(r.text("subfield"), k -> new ArrayList<>()).add(r));
            int owners = Math.max(1, Math.min(bySubfield.size(), Math.round(lab.size() / 5f)));
            List<Group> seniors = new ArrayList<>();
            for (int i = 0; i < owners; i++) {
                seniors.add(new Group(lab.get(0).text("institution"), lab.get(0).industry(), new ArrayList<>(),
                        new ArrayList<>(), true));
            }
            bySubfield.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, List<Banks.Entry>> e) -> -e.getValue().size()))
                    .forEach(e -> {
                        Group owner = seniors.stream().min(Comparator.comparingInt(g -> g.results().size())).orElseThrow();
                        owner.subfields().add(e.getKey());
                        owner.results().addAll(e.getValue());
                    });
            int juniorCount = lab.size() >= 20 ? 2 : lab.size() >= 8 ? 1 : 0;
            List<Group> juniors = new ArrayList<>();
            for (int i = 0; i < juniorCount; i++) {
                juniors.add(new Group(lab.get(0).text("institution"), lab.get(0).industry(), new ArrayList<>(),
                        new ArrayList<>(), false));
            }
            groups.addAll(seniors);
            groups.addAll(juniors);
            for (Banks.Entry r : lab) {
                teams.put(r, List.of());
                for (Group j : juniors) {
                    if (rnd.nextInt(3) == 0) {
                        j.results().add(r);
                    }
                }
            }
            for (Group j : juniors) {
                if (j.results().isEmpty()) {
                    j.results().add(lab.get(0));
                }
                j.results().stream().map(r -> r.text("subfield")).distinct().forEach(j.subfields()::add);
            }
        }
        Set<Group> academicians = groups.stream().filter(Group::senior)
                .sorted(Comparator.comparingInt((Group g) -> -g.results().size())).limit(14)
                .collect(Collectors.toSet());
        List<Member> members = new ArrayList<>();
        Map<Member, Group> memberGroup = new LinkedHashMap<>();
        Map<Group, String> memberIds = new java.util.IdentityHashMap<>();
        for (Group g : groups) {
            String id = String.format("E%04d", members.size() + 1);
            Member m = new Member(id, names.next(), title(g, academicians.contains(g)), g.institution(), areas(g),
                    g.senior());
            members.add(m);
            memberGroup.put(m, g);
            memberIds.put(g, id);
        }
        for (Map.Entry<Banks.Entry, List<String>> e : teams.entrySet()) {
            List<String> team = new ArrayList<>();
            for (Group g : groups) {
                if (g.results().contains(e.getKey())) {
                    team.add(memberIds.get(g));
                }
            }
            e.setValue(team);
        }

        try (JsonlWriter w = new JsonlWriter(outDir.resolve("institutions.jsonl"))) {
            for (Institutions.Row row : Institutions.ALL) {
                w.record().put("id", row.id()).put("name", row.name()).put("type", row.type()).put("city", row.city()).write();
            }
        }
        try (JsonlWriter w = new JsonlWriter(outDir.resolve("experts.jsonl"))) {
            for (Member m : members) {
                Group g = memberGroup.get(m);
                w.record().put("id", m.id()).put("name", m.name()).put("institution", m.institution())
                        .put("title", m.title()).put("areas", m.areas()).put("bio", bio(m, g)).write();
            }
        }
        List<String> summaries = new ArrayList<>();
        try (JsonlWriter w = new JsonlWriter(outDir.resolve("results.jsonl"))) {
            for (Banks.Entry r : sortedById(results, resultIds)) {
                summaries.add(r.text("summary"));
                w.record().put("id", resultIds.get(r)).put("title", r.text("title")).put("summary", r.text("summary"))
                        .put("keywords", r.list("keywords")).put("industry", r.industry().label())
                        .put("institution", r.text("institution")).put("team", teams.get(r))
                        .put("trl", r.node().get("trl").asInt()).put("ipType", r.text("ipType"))
                        .put("transferModes", r.list("transferModes")).put("date", date().toString()).write();
            }
        }
        try (JsonlWriter w = new JsonlWriter(outDir.resolve("needs.jsonl"))) {
            for (Banks.Entry n : sortedById(needs, needIds)) {
                w.record().put("id", needIds.get(n)).put("title", n.text("title"))
                        .put("description", n.text("description")).put("enterprise", n.text("enterprise"))
                        .put("region", n.text("region")).put("industry", n.industry().label())
                        .put("keywords", n.list("keywords")).put("budgetWan", n.node().get("budgetWan").numberValue())
                        .put("requiredTrl", n.node().get("requiredTrl").asInt()).put("deadline", n.text("deadline"))
                        .write();
            }
        }
        return new Generated(results.size(), needs.size(), members.size(), Institutions.ALL.size(),
                TextStats.sharedRunShare(summaries, 15));
    }

    /** Ids in a seeded shuffle of bank order, so an id says nothing about industry or writer. */
    private Map<Banks.Entry, String> ids(List<Banks.Entry> entries, String prefix) {
        List<Banks.Entry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, rnd);
        Map<Banks.Entry, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < shuffled.size(); i++) {
            ids.put(shuffled.get(i), String.format("%s%04d", prefix, i + 1));
        }
        return ids;
    }

    private static List<Banks.Entry> sortedById(List<Banks.Entry> entries, Map<Banks.Entry, String> ids) {
        return entries.stream().sorted(Comparator.comparing((Function<Banks.Entry, String>) ids::get)).toList();
    }

    private LocalDate date() {
        return LocalDate.of(2019, 1, 1).plusDays(rnd.nextInt(365 * 7 + 300));
    }

    private String title(Group g, boolean academician) {
        String type = Institutions.byId(g.institution()).type();
        if (g.senior()) {
            if (academician) {
                return "院士";
            }
            return switch (type) {
                case "科研院所" -> "研究员";
                case "高职院校" -> rnd.nextBoolean() ? "教授" : "高级工程师";
                default -> "教授";
            };
        }
        List<String> juniors = switch (type) {
            case "科研院所" -> List.of("副研究员", "助理研究员", "高级工程师");
            case "高职院校" -> List.of("副教授", "讲师", "高级工程师");
            default -> List.of("副教授", "讲师", "副教授");
        };
        return juniors.get(rnd.nextInt(juniors.size()));
    }

    /** The expert's sub-fields plus the most frequent keywords of their results. */
    private static List<String> areas(Group g) {
        Map<String, Integer> freq = new LinkedHashMap<>();
        for (Banks.Entry r : g.results()) {
            for (String k : r.list("keywords")) {
                freq.merge(k, 1, Integer::sum);
            }
        }
        List<String> ranked = freq.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        List<String> areas = new ArrayList<>(g.subfields().subList(0, Math.min(3, g.subfields().size())));
        for (int i = 0; i < ranked.size() && areas.size() < 6; i++) {
            if (!areas.contains(ranked.get(i))) {
                areas.add(ranked.get(i));
            }
        }
        return areas;
    }

    private String bio(Member m, Group g) {
        String inst = Institutions.byId(m.institution()).name();
        List<String> a = m.areas();
        String two = a.size() > 2 ? a.get(1) + "、" + a.get(2) : a.get(0);
        int n = g.results().size();
        String example = g.results().get(rnd.nextInt(n)).text("title");
        String who = switch (rnd.nextInt(3)) {
            case 0 -> m.name() + "，" + inst + m.title() + "。";
            case 1 -> m.name() + "，现任" + inst + m.title() + "，" + g.subfields().get(0) + "方向团队" + (m.lead() ? "负责人" : "骨干") + "。";
            default -> inst + m.title() + "，长期在" + g.industry().label() + "领域开展产学研合作。";
        };
        String focus = switch (rnd.nextInt(3)) {
            case 0 -> "主要研究方向为" + a.get(0) + "，重点关注" + two + "。";
            case 1 -> "研究集中在" + two + "等方面，兼顾" + a.get(0) + "的工程应用。";
            default -> "从事" + a.get(0) + "相关的基础研究与工程化工作，涉及" + two + "。";
        };
        String record = switch (rnd.nextInt(3)) {
            case 0 -> "所在团队已登记相关科技成果" + n + "项，代表性成果为「" + example + "」。";
            case 1 -> "代表性成果包括「" + example + "」" + (n > 1 ? "等" + n + "项" : "") + "。";
            default -> "参与完成的「" + example + "」已进入成果转化对接。";
        };
        return who + focus + record;
    }

    /** One line for the terminal. */
    public static String describe(Generated g) {
        return String.format("results %d, needs %d, experts %d, institutions %d; "
                        + "result summaries sharing a 15-character run with another: %.1f%%",
                g.results(), g.needs(), g.experts(), g.institutions(), 100 * g.sharedRunShare());
    }
}
