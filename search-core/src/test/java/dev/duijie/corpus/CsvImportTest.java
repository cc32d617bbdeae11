package dev.duijie.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff CSV exports as a corpus input: encodings, Excel's quoting, headers, cell spellings, and bad rows. */
class CsvImportTest {

    @TempDir
    Path tmp;

    private static final Charset GBK = Charset.forName("GBK");

    // ---- the same 27 records as CSV (Chinese headers, Excel quoting, every spelling variant) and as JSON Lines ----

    private static final String INSTITUTIONS_CSV = """
            编号,单位名称,类型,所在城市
            I1,湖南工业大学,高校,株洲
            I2,中南大学,高校,长沙
            I3,株洲硬质合金研究所,研究所,株洲
            """;
    private static final String INSTITUTIONS_JSONL = """
            {"id":"I1","name":"湖南工业大学","type":"高校","city":"株洲"}
            {"id":"I2","name":"中南大学","type":"高校","city":"长沙"}
            {"id":"I3","name":"株洲硬质合金研究所","type":"研究所","city":"株洲"}
            """;

    private static final String EXPERTS_CSV = """
            专家编号,姓名,所在单位,职称,研究方向,个人简介
            E1,张伟,I1,教授,硬质合金；涂层,"长期从事硬质合金涂层研究，
            主持国家自然科学基金项目 3 项。"
            E2,李娜,I1,副教授,"陶瓷基板, 导热材料",研究氮化硅陶瓷。
            E3,王强,I2,研究员,轨道交通、牵引电机,
            E4,刘洋,I2,教授,粉末冶金;增材制造,"曾任""973""项目首席科学家。"
            E5,陈静,I3,高级工程师,数控刀具，切削仿真,
            E6,杨帆,I3,工程师,,
            """;
    private static final String EXPERTS_JSONL = """
            {"id":"E1","name":"张伟","institution":"I1","title":"教授","areas":["硬质合金","涂层"],"bio":"长期从事硬质合金涂层研究，\\n主持国家自然科学基金项目 3 项。"}
            {"id":"E2","name":"李娜","institution":"I1","title":"副教授","areas":["陶瓷基板","导热材料"],"bio":"研究氮化硅陶瓷。"}
            {"id":"E3","name":"王强","institution":"I2","title":"研究员","areas":["轨道交通","牵引电机"]}
            {"id":"E4","name":"刘洋","institution":"I2","title":"教授","areas":["粉末冶金","增材制造"],"bio":"曾任\\"973\\"项目首席科学家。"}
            {"id":"E5","name":"陈静","institution":"I3","title":"高级工程师","areas":["数控刀具","切削仿真"]}
            {"id":"E6","name":"杨帆","institution":"I3","title":"工程师"}
            """;

    private static final String RESULTS_CSV = """
            成果编号,成果名称,成果简介,关键词,所属行业,依托单位,团队成员,技术成熟度,知识产权类型,转化方式,登记日期
            R1,梯度硬质合金涂层刀片,CVD 梯度涂层，刀片寿命提高 2 倍。,硬质合金；CVD涂层,先进硬质材料,I1,E1、E5,6,发明专利,许可;技术服务,2024-05-01
            R2,氮化硅陶瓷基板,导热 85 W/(m·K)，抗弯强度 800 MPa。,氮化硅、陶瓷基板,先进陶瓷,I1,E2,7.0,发明专利,转让,2024/5/1
            R3,永磁同步牵引电机控制算法,"基于模型预测控制，转矩脉动降低 30%。
            已在 2 条线路试运行。",牵引电机,轨道交通装备,I2,E3,TRL7,软件著作权,"合作开发, 技术服务",2024.5.1
            R4,粉末冶金齿轮近净成形,"齿轮""一次成形""，减少机加工 60%, 成本下降。",粉末冶金；齿轮,先进硬质材料,I2,E4,TRL 8,发明专利,作价入股,2024年5月1日
            R5,数控刀具切削仿真平台,切削力与温度仿真。,切削仿真,数控机床,I3,E5;E6,5级,软件著作权,技术服务,2023-12-31
            R6,选区激光熔化钛合金构件,激光选区熔化，致密度 99.5%。,增材制造，钛合金,航空航天,I2,E4,,,,

            R7,硬质合金废料回收,锌熔法回收碳化钨。,回收；碳化钨,先进硬质材料,I3,,4,技术秘密,转让,2022/12/1
            R8,陶瓷釉料配方优化,醴陵日用瓷釉料配方，烧成温度降低 50 ℃。,釉料,陶瓷,I1,E2,6,实用新型,许可,2021.3.15
            R9,轨道车辆轴承故障诊断,振动信号深度学习诊断。,故障诊断、轴承,轨道交通装备,I2,E3、E1,７,发明专利,许可；转让,2024-06-30
            R10,"低钴硬质合金, 高韧性",钴含量降低一半。,硬质合金,先进硬质材料,I3,E1,3,发明专利,合作开发,2020年1月9日
            """;
    private static final String RESULTS_JSONL = """
            {"id":"R1","title":"梯度硬质合金涂层刀片","summary":"CVD 梯度涂层，刀片寿命提高 2 倍。","keywords":["硬质合金","CVD涂层"],"industry":"先进硬质材料","institution":"I1","team":["E1","E5"],"trl":6,"ipType":"发明专利","transferModes":["许可","技术服务"],"date":"2024-05-01"}
            {"id":"R2","title":"氮化硅陶瓷基板","summary":"导热 85 W/(m·K)，抗弯强度 800 MPa。","keywords":["氮化硅","陶瓷基板"],"industry":"先进陶瓷","institution":"I1","team":["E2"],"trl":7,"ipType":"发明专利","transferModes":["转让"],"date":"2024-05-01"}
            {"id":"R3","title":"永磁同步牵引电机控制算法","summary":"基于模型预测控制，转矩脉动降低 30%。\\n已在 2 条线路试运行。","keywords":["牵引电机"],"industry":"轨道交通装备","institution":"I2","team":["E3"],"trl":7,"ipType":"软件著作权","transferModes":["合作开发","技术服务"],"date":"2024-05-01"}
            {"id":"R4","title":"粉末冶金齿轮近净成形","summary":"齿轮\\"一次成形\\"，减少机加工 60%, 成本下降。","keywords":["粉末冶金","齿轮"],"industry":"先进硬质材料","institution":"I2","team":["E4"],"trl":8,"ipType":"发明专利","transferModes":["作价入股"],"date":"2024-05-01"}
            {"id":"R5","title":"数控刀具切削仿真平台","summary":"切削力与温度仿真。","keywords":["切削仿真"],"industry":"数控机床","institution":"I3","team":["E5","E6"],"trl":5,"ipType":"软件著作权","transferModes":["技术服务"],"date":"2023-12-31"}
            {"id":"R6","title":"选区激光熔化钛合金构件","summary":"激光选区熔化，致密度 99.5%。","keywords":["增材制造","钛合金"],"industry":"航空航天","institution":"I2","team":["E4"]}
            {"id":"R7","title":"硬质合金废料回收","summary":"锌熔法回收碳化钨。","keywords":["回收","碳化钨"],"industry":"先进硬质材料","institution":"I3","trl":4,"ipType":"技术秘密","transferModes":["转让"],"date":"2022-12-01"}
            {"id":"R8","title":"陶瓷釉料配方优化","summary":"醴陵日用瓷釉料配方，烧成温度降低 50 ℃。","keywords":["釉料"],"industry":"陶瓷","institution":"I1","team":["E2"],"trl":6,"ipType":"实用新型","transferModes":["许可"],"date":"2021-03-15"}
            {"id":"R9","title":"轨道车辆轴承故障诊断","summary":"振动信号深度学习诊断。","keywords":["故障诊断","轴承"],"industry":"轨道交通装备","institution":"I2","team":["E3","E1"],"trl":7,"ipType":"发明专利","transferModes":["许可","转让"],"date":"2024-06-30"}
            {"id":"R10","title":"低钴硬质合金, 高韧性","summary":"钴含量降低一半。","keywords":["硬质合金"],"industry":"先进硬质材料","institution":"I3","team":["E1"],"trl":3,"ipType":"发明专利","transferModes":["合作开发"],"date":"2020-01-09"}
            """;

    private static final String NEEDS_CSV = """
            需求编号,需求名称,需求描述,企业名称,所在区县,所属行业,关键词,预算（万元）,需求成熟度,截止日期
            N1,刀片崩刃,我们的刀片用不了多久就崩刃。,株洲钻石切削刀具股份有限公司,荷塘区,先进硬质材料,刀片；崩刃,80,6,2027-06-30
            N2,陶瓷基板导热不够,,醴陵某陶瓷企业,醴陵市,先进陶瓷,导热,80.5,TRL 7,2026/9/1
            N3,,"牵引电机转矩脉动大，
            噪声超标。",株洲某电机厂,石峰区,轨道交通装备,牵引电机、噪声,80万,7级,2026.12.31
            N4,齿轮加工成本高,"希望采用""近净成形""工艺。",某齿轮公司,天元区,汽车零部件,,80万元,6.0,2027年1月15日
            N5,碳化钨回收,废旧刀具中的钨钴如何回收？,某硬质合金公司,芦淞区,先进硬质材料,回收,"1,200",,
            N6,釉面开裂,,某日用瓷厂,醴陵市,陶瓷,釉料,,5,
            N7,轴承故障预警,希望提前发现轴承故障。,某轨道车辆公司,石峰区,轨道交通装备,,０,８,2026-03-01
            N8,钛合金构件变形,打印件变形严重,某航空企业,株洲高新区,航空航天,增材制造；变形,300,,2028/2/29
            """;
    private static final String NEEDS_JSONL = """
            {"id":"N1","title":"刀片崩刃","description":"我们的刀片用不了多久就崩刃。","enterprise":"株洲钻石切削刀具股份有限公司","region":"荷塘区","industry":"先进硬质材料","keywords":["刀片","崩刃"],"budgetWan":80,"requiredTrl":6,"deadline":"2027-06-30"}
            {"id":"N2","title":"陶瓷基板导热不够","enterprise":"醴陵某陶瓷企业","region":"醴陵市","industry":"先进陶瓷","keywords":["导热"],"budgetWan":80.5,"requiredTrl":7,"deadline":"2026-09-01"}
            {"id":"N3","description":"牵引电机转矩脉动大，\\n噪声超标。","enterprise":"株洲某电机厂","region":"石峰区","industry":"轨道交通装备","keywords":["牵引电机","噪声"],"budgetWan":80,"requiredTrl":7,"deadline":"2026-12-31"}
            {"id":"N4","title":"齿轮加工成本高","description":"希望采用\\"近净成形\\"工艺。","enterprise":"某齿轮公司","region":"天元区","industry":"汽车零部件","budgetWan":80,"requiredTrl":6,"deadline":"2027-01-15"}
            {"id":"N5","title":"碳化钨回收","description":"废旧刀具中的钨钴如何回收？","enterprise":"某硬质合金公司","region":"芦淞区","industry":"先进硬质材料","keywords":["回收"],"budgetWan":1200}
            {"id":"N6","title":"釉面开裂","enterprise":"某日用瓷厂","region":"醴陵市","industry":"陶瓷","keywords":["釉料"],"requiredTrl":5}
            {"id":"N7","title":"轴承故障预警","description":"希望提前发现轴承故障。","enterprise":"某轨道车辆公司","region":"石峰区","industry":"轨道交通装备","budgetWan":0,"requiredTrl":8,"deadline":"2026-03-01"}
            {"id":"N8","title":"钛合金构件变形","description":"打印件变形严重","enterprise":"某航空企业","region":"株洲高新区","industry":"航空航天","keywords":["增材制造","变形"],"budgetWan":300,"deadline":"2028-02-29"}
            """;

    private static final Map<String, String> CSV_FILES = Map.of("institutions.csv", INSTITUTIONS_CSV,
            "experts.csv", EXPERTS_CSV, "results.csv", RESULTS_CSV, "needs.csv", NEEDS_CSV);

    // ---- helpers ----

    private Path dir(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    /** Writes {@code text} as Excel would: in {@code charset}, optionally with a BOM, records ending in {@code eol}. */
    private static void write(Path dir, String file, String text, Charset charset, boolean bom, String eol)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        out.write(text.replace("\n", eol).getBytes(charset));
        Files.write(dir.resolve(file), out.toByteArray());
    }

    private static void write(Path dir, String file, String text) throws IOException {
        write(dir, file, text, StandardCharsets.UTF_8, false, "\n");
    }

    private Path csvCorpus(String name, Charset charset, boolean bom, String eol) throws IOException {
        Path d = dir(name);
        for (Map.Entry<String, String> e : CSV_FILES.entrySet()) {
            write(d, e.getKey(), e.getValue(), charset, bom, eol);
        }
        return d;
    }

    /** The problems as {@code fileName:line field} strings, for compact assertions. */
    private static List<String> where(LoadReport report) {
        return report.problems().stream()
                .map(p -> Path.of(p.file()).getFileName() + ":" + p.line() + (p.field() == null ? "" : " " + p.field()))
                .toList();
    }

    private static String describe(LoadReport report) {
        return String.join("\n", report.problems().stream().map(Problem::toString).toList());
    }

    private static void assertSameRecords(Corpus expected, Corpus actual) {
        assertEquals(expected.institutions(), actual.institutions());
        assertEquals(expected.experts(), actual.experts());
        assertEquals(expected.results(), actual.results());
        assertEquals(expected.needs(), actual.needs());
    }

    // ---- tests ----

    @Test
    void utf8Utf8WithBomGbkAndJsonLinesGiveEqualRecords() throws IOException {
        for (String csv : CSV_FILES.values()) {
            assertTrue(GBK.newEncoder().canEncode(csv), "the fixture must be representable in GBK");
        }
        Path jsonl = dir("jsonl");
        write(jsonl, "institutions.jsonl", INSTITUTIONS_JSONL);
        write(jsonl, "experts.jsonl", EXPERTS_JSONL);
        write(jsonl, "results.jsonl", RESULTS_JSONL);
        write(jsonl, "needs.jsonl", NEEDS_JSONL);
        LoadReport fromJson = CorpusLoader.load(jsonl);
        assertEquals(List.of(), fromJson.problems(), () -> describe(fromJson));
        assertEquals(27, fromJson.corpus().results().size() + fromJson.corpus().needs().size()
                + fromJson.corpus().experts().size() + fromJson.corpus().institutions().size());

        List<Path> dirs = List.of(
                csvCorpus("utf8", StandardCharsets.UTF_8, false, "\n"),
                csvCorpus("utf8-bom", StandardCharsets.UTF_8, true, "\r\n"),
                csvCorpus("gbk", GBK, false, "\r\n"));
        for (Path d : dirs) {
            LoadReport report = CorpusLoader.load(d);
            assertEquals(List.of(), report.problems(), () -> d + "\n" + describe(report));
            assertSameRecords(fromJson.corpus(), report.corpus());
            assertEquals(Map.of("institutions.csv", 3, "experts.csv", 6, "results.csv", 10, "needs.csv", 8),
                    report.rowsRead());
        }
        // Spot checks that the shared expectation is what the CSV says.
        Corpus c = fromJson.corpus();
        assertEquals("曾任\"973\"项目首席科学家。", c.expert("E4").orElseThrow().bio());
        assertEquals("低钴硬质合金, 高韧性", c.result("R10").orElseThrow().title());
        assertEquals(1200.0, c.need("N5").orElseThrow().budgetWan());
    }

    @Test
    void anExplicitCharsetIsUsedAndAMismatchIsReportedPerRowAndField() throws IOException {
        String csv = """
                id,title,summary
                R1,梯度硬质合金刀片,涂层寿命提高
                R2,Plain ASCII,Only ASCII here
                R3,T3,氮化硅陶瓷
                """;
        Path d = dir("gbk");
        write(d, "results.csv", csv, GBK, false, "\r\n");

        LoadReport forcedGbk = CorpusLoader.load(d, LoadOptions.DEFAULTS.withCsvCharset(GBK));
        assertEquals(List.of(), forcedGbk.problems());
        assertEquals("梯度硬质合金刀片", forcedGbk.corpus().result("R1").orElseThrow().title());

        LoadReport forcedUtf8 = CorpusLoader.load(d, LoadOptions.DEFAULTS.withCsvCharset(StandardCharsets.UTF_8));
        assertEquals(List.of("results.csv:2 title", "results.csv:2 summary", "results.csv:4 summary"),
                where(forcedUtf8), () -> describe(forcedUtf8));
        assertTrue(forcedUtf8.problems().get(0).message().contains("UTF-8"));
        assertEquals(List.of("R2"), forcedUtf8.corpus().results().stream().map(Result::id).toList());
        assertEquals(3, forcedUtf8.rowsRead().get("results.csv"));

        // Chinese headers that do not decode: the file cannot be read at all.
        write(d, "results.csv", "编号,标题,摘要\nR1,T,S\n", GBK, false, "\r\n");
        LoadReport badHeader = CorpusLoader.load(d, LoadOptions.DEFAULTS.withCsvCharset(StandardCharsets.UTF_8));
        assertEquals(List.of("results.csv:1"), where(badHeader));
        assertEquals(1, badHeader.rowsRead().get("results.csv"));
        assertEquals(0, badHeader.corpus().results().size());

        // A UTF-8 BOM contradicts a forced GBK.
        write(d, "results.csv", csv, StandardCharsets.UTF_8, true, "\n");
        LoadReport bomButGbk = CorpusLoader.load(d, LoadOptions.DEFAULTS.withCsvCharset(GBK));
        assertEquals(List.of("results.csv:0"), where(bomButGbk));

        // Auto-detection: a BOM means UTF-8, so a GBK line in such a file is reported, the rest loads.
        byte[] utf8 = ("\uFEFF" + "id,title,summary\nR1,T,S\n").getBytes(StandardCharsets.UTF_8);
        byte[] gbkLine = "R2,氮化硅,陶瓷\nR3,T,S\n".getBytes(GBK);
        byte[] mixed = new byte[utf8.length + gbkLine.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(gbkLine, 0, mixed, utf8.length, gbkLine.length);
        Files.write(d.resolve("results.csv"), mixed);
        LoadReport auto = CorpusLoader.load(d);
        assertEquals(List.of("results.csv:3 title", "results.csv:3 summary"), where(auto), () -> describe(auto));
        assertEquals(List.of("R1", "R3"), auto.corpus().results().stream().map(Result::id).toList());
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndLaterRowsKeepTheirPhysicalLines() throws IOException {
        String csv = """
                id,title,summary,trl
                R1,"刀片, 涂层","第一行
                第二行
                第三行 ""引号"", 逗号",6

                R2,T2,S2,十
                R3,"T3","S3
                S3 续",12
                ,,,
                R4,T4,,5
                R5,T5,S5,5
                """;
        for (String eol : List.of("\n", "\r\n", "\r")) {
            Path d = dir("eol" + eol.length() + (eol.equals("\r") ? "cr" : ""));
            write(d, "results.csv", csv, StandardCharsets.UTF_8, false, eol);
            LoadReport report = CorpusLoader.load(d);
            assertEquals(List.of("results.csv:6 trl", "results.csv:7 trl", "results.csv:10 summary"), where(report),
                    () -> describe(report));
            Result r1 = report.corpus().result("R1").orElseThrow();
            assertEquals("刀片, 涂层", r1.title());
            assertEquals("第一行\n第二行\n第三行 \"引号\", 逗号", r1.summary());
            assertEquals(5, report.rowsRead().get("results.csv"), "blank rows are not rows");
            assertEquals(List.of("R1", "R5"), report.corpus().results().stream().map(Result::id).toList());
        }
    }

    @Test
    void multiValueCellsSplitOnEverySeparator() throws IOException {
        Path d = dir("lists");
        write(d, "results.csv", """
                id,title,summary,keywords,transferModes
                R1,T,S,"a；b;c、d,e，f
                g",许可
                R2,T,S,"；；a ; ;b,,a、",
                """);
        LoadReport report = CorpusLoader.load(d);
        assertEquals(List.of(), report.problems(), () -> describe(report));
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), report.corpus().result("R1").orElseThrow().keywords());
        assertEquals(List.of("a", "b"), report.corpus().result("R2").orElseThrow().keywords());
        assertEquals(List.of(), report.corpus().result("R2").orElseThrow().transferModes());
    }

    @Test
    void numberAndDateSpellingsAreUnderstoodAndOthersNamedWithTheirValue() throws IOException {
        Path d = dir("numbers");
        write(d, "results.csv", "id,title,summary\n");
        write(d, "needs.csv", """
                id,title,budgetWan,requiredTrl,deadline
                N1,T,80,7,2024-05-01
                N2,T,80.0,7.0,2024/5/1
                N3,T,80万,TRL7,2024.5.1
                N4,T,80万元,TRL 7,2024年5月1日
                N5,T,"80,000",trl7,2024/05/01
                N6,T,８０万元,７级,２０２４年５月１日
                N7,T,八十,七,明天
                N8,T,80元,7.5,01/05/2024
                N9,T,-5,10级,2024-13-01
                N10,T,80 万元,TRL,2024-02-30
                """);
        LoadReport report = CorpusLoader.load(d);
        for (String id : List.of("N1", "N2", "N3", "N4", "N6")) {
            Need n = report.corpus().need(id).orElseThrow(() -> new AssertionError(id + "\n" + describe(report)));
            assertEquals(80.0, n.budgetWan(), id);
            assertEquals(7, n.requiredTrl(), id);
            assertEquals(LocalDate.of(2024, 5, 1), n.deadline(), id);
        }
        assertEquals(80_000.0, report.corpus().need("N5").orElseThrow().budgetWan());
        assertEquals(List.of(
                        "needs.csv:8 budgetWan", "needs.csv:8 requiredTrl", "needs.csv:8 deadline",
                        "needs.csv:9 budgetWan", "needs.csv:9 requiredTrl", "needs.csv:9 deadline",
                        "needs.csv:10 budgetWan", "needs.csv:10 requiredTrl", "needs.csv:10 deadline",
                        "needs.csv:11 requiredTrl", "needs.csv:11 deadline"),
                where(report), () -> describe(report));
        List<String> shown = List.of("八十", "七", "明天", "80元", "7.5", "01/05/2024", "-5", "10", "2024-13-01",
                "TRL", "2024-02-30");
        for (int i = 0; i < shown.size(); i++) {
            Problem p = report.problems().get(i);
            assertTrue(p.message().contains(shown.get(i)), p + " should show " + shown.get(i));
        }
        // The 80 万元 with a space in N10 is fine; its row is rejected for its other cells only.
        assertEquals(6, report.corpus().needs().size());
    }

    @Test
    void threeBadRowsInAHundredAreReportedExactlyWithFileLineAndField() throws IOException {
        StringBuilder csv = new StringBuilder("编号,标题,摘要,成熟度,日期\n");
        int line = 2;
        Map<Integer, String> badRows = Map.of(17, "trl", 58, "date", 93, "title");
        List<String> expected = new ArrayList<>();
        for (int row = 1; row <= 100; row++) {
            String title = row == 93 ? "" : "成果 " + row;
            String summary = row % 10 == 0 ? "\"多行摘要，\n第二行\"" : "摘要 " + row;   // every tenth spans two lines
            String trl = row == 17 ? "高" : String.valueOf(row % 9 + 1);
            String date = row == 58 ? "2024-02-30" : "2024-01-" + String.format("%02d", row % 28 + 1);
            csv.append("R").append(row).append(',').append(title).append(',').append(summary).append(',')
                    .append(trl).append(',').append(date).append('\n');
            if (badRows.containsKey(row)) {
                expected.add("results.csv:" + line + " " + badRows.get(row));
            }
            line += row % 10 == 0 ? 2 : 1;
        }
        Path d = dir("hundred");
        write(d, "results.csv", csv.toString(), GBK, false, "\r\n");
        LoadReport report = CorpusLoader.load(d);
        assertEquals(expected, where(report), () -> describe(report));
        assertEquals(List.of("results.csv:19 trl", "results.csv:64 date", "results.csv:103 title"), expected);
        assertTrue(report.problems().get(0).message().contains("高"));
        assertEquals(100, report.rowsRead().get("results.csv"));
        assertEquals(97, report.corpus().results().size());
    }

    @Test
    void bothJsonlAndCsvOfAKindIsAnErrorOnTheDirectory() throws IOException {
        Path d = dir("both");
        write(d, "results.jsonl", "{\"id\":\"R1\",\"title\":\"T\",\"summary\":\"S\"}\n");
        write(d, "results.csv", "id,title,summary\nR2,T,S\n");
        LoadReport report = CorpusLoader.load(d);
        assertEquals(1, report.problems().size(), () -> describe(report));
        Problem p = report.problems().get(0);
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertEquals(d.toString(), p.file());
        assertTrue(p.message().contains("results.jsonl") && p.message().contains("results.csv"), p.message());
        assertEquals(0, report.corpus().results().size());
    }

    @Test
    void emptyFileWarnsAndHeaderOnlyIsAnEmptyKind() throws IOException {
        Path d = dir("empty");
        write(d, "results.csv", "");
        LoadReport empty = CorpusLoader.load(d);
        assertFalse(empty.hasErrors());
        assertEquals(List.of("results.csv:0"), where(empty));
        assertEquals(0, empty.rowsRead().get("results.csv"));

        write(d, "results.csv", "\n\n", StandardCharsets.UTF_8, true, "\r\n");
        assertEquals(List.of("results.csv:0"), where(CorpusLoader.load(d)));

        write(d, "results.csv", "编号,标题,摘要\n");
        LoadReport headerOnly = CorpusLoader.load(d);
        assertEquals(List.of(), headerOnly.problems());
        assertEquals(0, headerOnly.rowsRead().get("results.csv"));
        assertEquals(0, headerOnly.corpus().results().size());
    }

    @Test
    void rowsWithTooFewOrTooManyCellsAreRejected() throws IOException {
        Path d = dir("cells");
        write(d, "results.csv", """
                id,title,summary,keywords
                R1,T,S
                R2,T,S,k,extra
                R3,T,S,k,,
                R4,T,S,k
                """);
        LoadReport report = CorpusLoader.load(d);
        assertEquals(List.of("results.csv:2 keywords", "results.csv:3"), where(report), () -> describe(report));
        assertEquals(List.of("R3", "R4"), report.corpus().results().stream().map(Result::id).toList());
        assertEquals(4, report.rowsRead().get("results.csv"));
    }

    @Test
    void hostileCellsHitTheLimitsAndFormulasStayText() throws IOException {
        String formula = "=cmd|' /C calc'!A0";
        Path d = dir("hostile");
        write(d, "results.csv", "id,title,summary,keywords\n"
                + "R1," + "长".repeat(100_000) + ",S,\n"
                + "R2,\"" + formula + "\",\"@SUM(1+1)*cmd|' /C calc'!A0\",\"+1；-1\"\n"
                + "R3,T,\"" + "x".repeat(100_000) + "\",\n");
        LoadReport report = CorpusLoader.load(d);
        assertEquals(List.of("results.csv:2 title", "results.csv:4 summary"), where(report), () -> describe(report));
        assertTrue(report.problems().get(0).message().contains("100000"), report.problems().get(0).message());
        Result r2 = report.corpus().result("R2").orElseThrow();
        assertEquals(formula, r2.title());
        assertEquals("@SUM(1+1)*cmd|' /C calc'!A0", r2.summary());
        assertEquals(List.of("+1", "-1"), r2.keywords());
    }

    @Test
    void headersMatchInAnyCaseWithFullWidthParenthesesAndUnknownOnesWarnOnce() throws IOException {
        Path d = dir("headers");
        write(d, "results.csv", "id,title,summary\n");
        write(d, "needs.csv", """
                ID, Title ,预算（万元）,备注,REQUIREDTRL,备注,,Notes
                N1,T,12,x,3,y,,z
                N2,T,,,,,,
                N3,T,,,,,late,
                """);
        LoadReport report = CorpusLoader.load(d);
        assertFalse(report.hasErrors(), () -> describe(report));
        assertEquals(List.of("needs.csv:1 备注", "needs.csv:1 Notes", "needs.csv:4"), where(report));
        Need n1 = report.corpus().need("N1").orElseThrow();
        assertEquals(12.0, n1.budgetWan());
        assertEquals(3, n1.requiredTrl());
        assertEquals(3, report.corpus().needs().size());
    }

    @Test
    void twoColumnsForOneFieldOrNoColumnForARequiredFieldRejectTheFile() throws IOException {
        Path d = dir("dup");
        write(d, "results.csv", "编号,成果编号,标题,摘要\nR1,R1,T,S\nR2,R2,T,S\n");
        LoadReport dup = CorpusLoader.load(d);
        assertEquals(List.of("results.csv:1 id"), where(dup));
        assertTrue(dup.problems().get(0).message().contains("成果编号"));
        assertEquals(2, dup.rowsRead().get("results.csv"));
        assertEquals(0, dup.corpus().results().size());

        write(d, "results.csv", "编号,标题\nR1,T\n");
        LoadReport missing = CorpusLoader.load(d);
        assertEquals(List.of("results.csv:1 summary"), where(missing));
        assertTrue(missing.problems().get(0).message().contains("摘要"));
    }

    @Test
    void anUnclosedQuoteStopsTheFileAtTheRowWhereItStarts() throws IOException {
        Path d = dir("quote");
        write(d, "results.csv", "id,title,summary\nR1,T,S\n\nR2,\"T,S\nR3,T,S\n");
        LoadReport report = CorpusLoader.load(d);
        assertEquals(List.of("results.csv:4"), where(report), () -> describe(report));
        assertEquals(List.of("R1"), report.corpus().results().stream().map(Result::id).toList());
        assertEquals(2, report.rowsRead().get("results.csv"));

        write(d, "results.csv", "id,title,summary\nR1,T,S\nR2,\"T\"x,S\nR3,T,S\n");
        assertEquals(List.of("results.csv:3"), where(CorpusLoader.load(d)));
    }

    @Test
    void referencesAndDuplicateIdsAreCheckedLikeJsonLines() throws IOException {
        Path d = dir("refs");
        write(d, "experts.csv", "编号,姓名\nE1,张三\n");
        write(d, "results.csv", "编号,标题,摘要,团队\nR1,T,S,E1\nR2,T,S,E1、E9\nR1,T,S,\n");
        LoadReport report = CorpusLoader.load(d);
        assertEquals(List.of("results.csv:3 team", "results.csv:4 id"), where(report));
        assertTrue(report.problems().get(0).message().contains("experts.csv"), report.problems().get(0).message());
        assertTrue(report.problems().get(1).message().contains("第 2 行"), report.problems().get(1).message());
    }

    @Test
    void theReadmeListsEveryHeader() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        for (Kind kind : Kind.values()) {
            int table = text.indexOf("`" + kind.csvFileName() + "`\n\n| field | Chinese headers |");
            assertTrue(table >= 0, "README has a header table for " + kind.csvFileName());
            for (Schema.Field field : Schema.fields(kind)) {
                List<String> chinese = CsvHeader.headersOf(kind, field.name());
                String row = "| " + field.name() + " | " + String.join(" / ", chinese.subList(1, chinese.size())) + " |";
                int at = text.indexOf(row, table);
                assertTrue(at >= 0 && at < text.indexOf("\n\n", table + 40), "README row " + row);
            }
        }
    }
}
