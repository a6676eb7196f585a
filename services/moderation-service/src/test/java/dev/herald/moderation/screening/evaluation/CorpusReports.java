package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The clean bodies of the three real reports, cut out of their web pages, and the four unit reports the
 * Chaoyang page gathers under headings of their own.
 */
final class CorpusReports {

    private record Page(String key, String file, String title, String unit, String channel, String from, String to) {
    }

    private record Part(String heading, String unit, String channel) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("guizhou", "report-guizhou-jiangjunshan-hospital.txt", "不忘初心 让抗疫精神在新时代绽放光芒", "贵州省人民医院", "工作动态",
                    "4月21日", "为疫情防控工作作出更大贡献。"),
            new Page("chaoyang", "report-chaoyang-health-system.txt", "党建引领凝心聚力,同舟共济抗疫情", "朝阳区卫生健康委员会", "党建动态",
                    "为坚决打赢疫情防控攻坚战", "夺取抗击新型冠状病毒感染的肺炎战役的全面胜利!"),
            new Page("nanning", "report-nanning-tcm-hospital.txt", "如意先锋战疫情 党旗一线红", "南宁市中医医院", "党建新闻",
                    "自新冠肺炎疫情防控工作开展以来", "(供稿人:南宁市中医医院 张贵玲)"));

    private static final List<Part> CHAOYANG_PARTS = List.of(
            new Part("朝阳区新型冠状病毒肺炎定点救治医院成立临时党支部并召开第一次党员大会", "朝阳区新型冠状病毒肺炎定点救治医院", "党建动态"),
            new Part("小红门社区卫生服务中心开展特殊的主题党日活动", "小红门社区卫生服务中心", "社区动态"),
            new Part("区第三医院召开抗击新型冠状病毒党员誓师大会", "朝阳区第三医院", "医院新闻"),
            new Part("东坝社区卫生服务中心举行疫情防控誓师大会", "东坝社区卫生服务中心", "社区动态"));

    private CorpusReports() {
    }

    /** The three whole reports, the ones other cases are made from. */
    static List<EvaluationCase> wholeReports() {
        return PAGES.stream().map(p -> clean(id(p.key()), id(p.key()), "the body of corpus/" + p.file() + " without its page",
                p.title(), p.unit(), p.channel(), paragraphs(cut(read(p.file()), p.from(), p.to())))).toList();
    }

    /** The four reports of the Chaoyang page, each on its own: clean variants of a corpus report. */
    static List<EvaluationCase> chaoyangParts() {
        List<String> paragraphs = Arrays.asList(wholeReports().get(1).body().split("\n\n"));
        List<EvaluationCase> parts = new ArrayList<>();
        for (int i = 0; i < CHAOYANG_PARTS.size(); i++) {
            Part part = CHAOYANG_PARTS.get(i);
            int from = paragraphs.indexOf(part.heading()) + 1;
            int to = i + 1 < CHAOYANG_PARTS.size() ? paragraphs.indexOf(CHAOYANG_PARTS.get(i + 1).heading()) : paragraphs.size();
            if (from == 0 || to < from) {
                throw new IllegalStateException("the Chaoyang page no longer has the heading " + part.heading());
            }
            parts.add(clean(id("chaoyang") + "-" + (i + 1), id("chaoyang"),
                    "one of the four unit reports on the Chaoyang corpus page, under its own heading as title",
                    part.heading(), part.unit(), part.channel(), String.join("\n\n", paragraphs.subList(from, to))));
        }
        return parts;
    }

    private static String id(String key) {
        return "clean-corpus-" + key;
    }

    private static EvaluationCase clean(String id, String source, String note, String title, String unit, String channel,
                                        String body) {
        return new EvaluationCase(id, Category.CLEAN, Set.of(), Verdict.CLEAN, source, List.of(), note, title, unit, channel, body);
    }

    private static String cut(String page, String from, String to) {
        int start = page.indexOf(from);
        int end = page.indexOf(to, start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("the corpus page no longer reads \"" + from + "\" … \"" + to + "\"");
        }
        return page.substring(start, end + to.length());
    }

    /** The page's indentation and blank lines of spaces go; its paragraphs stay as they were. */
    private static String paragraphs(String text) {
        return String.join("\n\n", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private static String read(String file) {
        try (InputStream in = CorpusReports.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no corpus/" + file + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
