package dev.duijie.data.gen;

import java.util.List;

/** 株洲's industries as they appear in the corpus: the bank folder name and the label written to records. */
record Industry(String slug, String label) {
    static final List<Industry> ALL = List.of(
            new Industry("rail", "轨道交通装备"),
            new Industry("aviation", "中小航空发动机与通用航空"),
            new Industry("beidou", "北斗应用与时空信息"),
            new Industry("hardmat", "先进硬质材料"),
            new Industry("powersemi", "功率半导体"),
            new Industry("energy", "新能源与储能"),
            new Industry("indsoft", "工业软件"),
            new Industry("polymer", "高分子新材料"),
            new Industry("ceramics", "陶瓷"),
            new Industry("apparel", "服饰"),
            new Industry("ai", "人工智能与电子信息"),
            new Industry("biomed", "生物医药"));
}
