package dev.duijie.corpus;

import java.time.LocalDate;
import java.util.List;

/**
 * A research result (科技成果). Optional fields are {@code null} when absent; lists are never null.
 *
 * @param id            unique id within the corpus
 * @param title         non-empty title
 * @param summary       description or abstract
 * @param keywords      researcher-given keywords
 * @param industry      industry label, e.g. 轨道交通装备
 * @param institution   id of an {@link Institution}
 * @param team          ids of {@link Expert}s
 * @param trl           technology readiness level 1–9 (GB/T 22900)
 * @param ipType        发明专利 / 实用新型 / 软件著作权 / 技术秘密 …
 * @param transferModes 转让 / 许可 / 作价入股 / 合作开发 / 技术服务
 * @param date          registration date
 */
public record Result(String id, String title, String summary, List<String> keywords, String industry,
                     String institution, List<String> team, Integer trl, String ipType,
                     List<String> transferModes, LocalDate date) {
    public Result {
        keywords = List.copyOf(keywords);
        team = List.copyOf(team);
        transferModes = List.copyOf(transferModes);
    }
}
