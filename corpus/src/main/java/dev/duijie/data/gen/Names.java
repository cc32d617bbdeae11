package dev.duijie.data.gen;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Fictional person names: a common surname and a one- or two-character given name, never repeated. */
final class Names {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯鹏辉波宁晨阳博文峰志立新建国春海东林雪梅琳瑞丹蕾琦璐翔飞俊毅鑫晶昊晗睿航远卓铭哲诚嘉怡欣悦梓然思源子轩泽宏亮坤正清和安康永嵘";

    private final Random rnd;
    private final Set<String> used = new HashSet<>();

    Names(Random rnd) {
        this.rnd = rnd;
    }

    String next() {
        while (true) {
            StringBuilder name = new StringBuilder();
            name.append(SURNAMES.charAt(rnd.nextInt(SURNAMES.length())));
            int given = rnd.nextInt(10) < 7 ? 2 : 1;
            for (int i = 0; i < given; i++) {
                name.append(GIVEN.charAt(rnd.nextInt(GIVEN.length())));
            }
            if (used.add(name.toString())) {
                return name.toString();
            }
        }
    }
}
