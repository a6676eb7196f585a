package dev.herald.corpus;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RealReportsTest {

    private final List<GeneratedReport> reports = RealReports.all();

    @Test
    void areTheThreeCorpusReportsWithTheTitlesTheirPagesShow() {
        assertThat(reports).extracting(GeneratedReport::id).containsExactly("corpus-nanning", "corpus-chaoyang", "corpus-guizhou");
        assertThat(reports).extracting(GeneratedReport::title).containsExactly(
                "如意先锋战疫情 党旗一线红", "党建引领凝心聚力,同舟共济抗疫情", "不忘初心 让抗疫精神在新时代绽放光芒");
        assertThat(reports).extracting(GeneratedReport::unit).containsExactly("南宁市中医医院党委", "朝阳区卫生健康委", "贵州省人民医院党委");
        assertThat(reports.getFirst().publishedAt()).isEqualTo(Instant.parse("2020-04-01T16:00:00Z"));
        assertThat(reports.getFirst().subtitle()).isEqualTo("——南宁市中医医院党委抗击疫情纪实");
        assertThat(reports.get(1).subtitle()).isNull();
    }

    @Test
    void keepTheReportTextFromFirstSentenceToLastAndNoPageChrome() {
        assertThat(reports.get(0).body()).startsWith("自新冠肺炎疫情防控工作开展以来").endsWith("第一时间发放给坚守岗位的医护人员。");
        assertThat(reports.get(1).body()).startsWith("为坚决打赢疫情防控攻坚战").endsWith("战役的全面胜利!");
        assertThat(reports.get(2).body()).startsWith("4月21日,在值守省将军山医院").endsWith("为疫情防控工作作出更大贡献。");
        for (GeneratedReport report : reports) {
            assertThat(report.body()).doesNotContain("当前位置", "上一篇", "下一篇", "扫一扫", "版权所有", "网站首页", "友情链接", "点击")
                    .doesNotContain("\n\n").hasSizeGreaterThan(1500);
        }
    }
}
