package dev.duijie.data.gen;

import java.util.List;

/** The universities and institutes of the bundled corpus: real names, with the city each is in. */
final class Institutions {
    record Row(String id, String name, String type, String city) {
    }

    static final List<Row> ALL = List.of(
            new Row("inst-csu", "中南大学", "高校", "长沙"),
            new Row("inst-hnu", "湖南大学", "高校", "长沙"),
            new Row("inst-hut", "湖南工业大学", "高校", "株洲"),
            new Row("inst-xtu", "湘潭大学", "高校", "湘潭"),
            new Row("inst-nudt", "国防科技大学", "高校", "长沙"),
            new Row("inst-hnust", "湖南科技大学", "高校", "湘潭"),
            new Row("inst-csust", "长沙理工大学", "高校", "长沙"),
            new Row("inst-hunnu", "湖南师范大学", "高校", "长沙"),
            new Row("inst-csuft", "中南林业科技大学", "高校", "长沙"),
            new Row("inst-hunau", "湖南农业大学", "高校", "长沙"),
            new Row("inst-usc", "南华大学", "高校", "衡阳"),
            new Row("inst-hnucm", "湖南中医药大学", "高校", "长沙"),
            new Row("inst-hnrp", "湖南铁道职业技术学院", "高职院校", "株洲"),
            new Row("inst-hnchem", "湖南化工职业技术学院", "高职院校", "株洲"),
            new Row("inst-hnae", "湖南汽车工程职业大学", "高职院校", "株洲"),
            new Row("inst-hnie", "湖南工程学院", "高校", "湘潭"),
            new Row("inst-hnit", "湖南理工学院", "高校", "岳阳"),
            new Row("inst-swjtu", "西南交通大学", "高校", "成都"),
            new Row("inst-bjtu", "北京交通大学", "高校", "北京"),
            new Row("inst-tsinghua", "清华大学", "高校", "北京"),
            new Row("inst-zju", "浙江大学", "高校", "杭州"),
            new Row("inst-hit", "哈尔滨工业大学", "高校", "哈尔滨"),
            new Row("inst-buaa", "北京航空航天大学", "高校", "北京"),
            new Row("inst-nwpu", "西北工业大学", "高校", "西安"),
            new Row("inst-nuaa", "南京航空航天大学", "高校", "南京"),
            new Row("inst-whu", "武汉大学", "高校", "武汉"),
            new Row("inst-hust", "华中科技大学", "高校", "武汉"),
            new Row("inst-xjtu", "西安交通大学", "高校", "西安"),
            new Row("inst-uestc", "电子科技大学", "高校", "成都"),
            new Row("inst-jci", "景德镇陶瓷大学", "高校", "景德镇"),
            new Row("inst-dhu", "东华大学", "高校", "上海"),
            new Row("inst-cas-ime", "中国科学院微电子研究所", "科研院所", "北京"),
            new Row("inst-cas-sic", "中国科学院上海硅酸盐研究所", "科研院所", "上海"),
            new Row("inst-cas-dicp", "中国科学院大连化学物理研究所", "科研院所", "大连"),
            new Row("inst-aecc-608", "中国航发湖南动力机械研究所", "科研院所", "株洲"),
            new Row("inst-cpu", "中国药科大学", "高校", "南京"),
            new Row("inst-cas-ipe", "中国科学院过程工程研究所", "科研院所", "北京"),
            new Row("inst-wut", "武汉理工大学", "高校", "武汉"));

    private Institutions() {
    }

    static Row byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown institution " + id));
    }
}
