package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.herald.moderation.screening.evaluation.TextCraft.digits;
import static dev.herald.moderation.screening.evaluation.TextCraft.pick;

/** The page around a report that comes along when a unit copies it from its web site instead of its document. */
final class PageChrome {

    enum Part {
        /** "title | site", the browser tab's title copied along */
        PAGE_TITLE,
        /** a navigation menu, one item a line */
        MENU,
        /** a navigation menu on one line */
        INLINE_MENU,
        BREADCRUMB,
        /** the report's title as the page shows it */
        TITLE,
        /** date, source and hit counter */
        META,
        /** author, date and reads, led by the author */
        AUTHOR_META,
        /** font size, print and close-window links */
        TOOLS,
        SHARE,
        QR,
        /** 上一篇 / 下一篇 */
        PREV_NEXT,
        /** 上一条 / 下一条 */
        PREV_NEXT_ITEM,
        /** a list of other reports under a 相关内容-like header */
        RELATED,
        /** copyright, address, ICP record and the web agency */
        FOOTER
    }

    record Layout(List<Part> above, List<Part> below) {
        String describe() {
            List<String> parts = new ArrayList<>(above.stream().map(p -> p.name().toLowerCase()).toList());
            parts.add("[report]");
            below.forEach(p -> parts.add(p.name().toLowerCase()));
            return String.join(" ", parts);
        }
    }

    private static final List<Layout> LAYOUTS = List.of(
            layout("PAGE_TITLE MENU BREADCRUMB TITLE META", "SHARE PREV_NEXT FOOTER"),
            layout("BREADCRUMB TITLE META", "PREV_NEXT RELATED FOOTER"),
            layout("INLINE_MENU TITLE META", "TOOLS SHARE FOOTER"),
            layout("TITLE AUTHOR_META", "PREV_NEXT_ITEM FOOTER"),
            layout("MENU TITLE", "RELATED"),
            layout("BREADCRUMB TITLE", "QR"),
            layout("TITLE META", "FOOTER"),
            layout("PAGE_TITLE MENU BREADCRUMB TITLE AUTHOR_META", "SHARE QR PREV_NEXT RELATED FOOTER"),
            layout("TITLE", "PREV_NEXT"),
            layout("INLINE_MENU BREADCRUMB TITLE META", "PREV_NEXT_ITEM RELATED FOOTER"),
            layout("", "FOOTER"),
            layout("MENU BREADCRUMB TITLE META", "TOOLS SHARE PREV_NEXT RELATED QR FOOTER"));

    /** The layout a republished page comes in. */
    static final Layout REPUBLISHED = layout("BREADCRUMB TITLE META", "SHARE PREV_NEXT");

    private static final List<String> MENU_ITEMS = List.of("网站首页", "机构概况", "新闻中心", "党建工作", "通知公告", "政务公开",
            "专家介绍", "就医指南", "健康科普", "科室导航", "护理园地", "纪检监察", "人才招聘", "教育教学", "德育天地", "社区服务",
            "办事指南", "联系我们");
    private static final List<String> SITES = List.of("市人民医院", "市中医医院", "市卫生健康委员会", "城东街道办事处",
            "育才中学", "党建网", "市妇幼保健院");
    private static final List<String> PROVINCES = List.of("黔", "桂", "京", "湘", "滇");

    private final Random random;
    private final List<String> otherTitles;

    /** {@code otherTitles}: what the page's lists of other reports show. */
    PageChrome(Random random, List<String> otherTitles) {
        this.random = random;
        this.otherTitles = otherTitles;
    }

    List<EvaluationCase> paste(List<EvaluationCase> sources) {
        List<EvaluationCase> taken = TextCraft.take(sources, LAYOUTS.size(), random);
        List<EvaluationCase> cases = new ArrayList<>();
        for (int i = 0; i < LAYOUTS.size(); i++) {
            EvaluationCase source = taken.get(i);
            String body = wrap(source.title(), source.channel(), source.body(), LAYOUTS.get(i));
            cases.add(new EvaluationCase(String.format("chrome-%02d", i + 1), Category.CHROME,
                    expectedKinds(Set.of("CHROME"), source.title(), body), Verdict.NEEDS_ATTENTION, source.id(), List.of(),
                    source.id() + " in a page: " + LAYOUTS.get(i).describe(), source.title(), source.unit(), source.channel(), body));
        }
        return cases;
    }

    /** CHROME and the others given, and METADATA too when the page shows the title near its top, as moderation asks. */
    static Set<String> expectedKinds(Set<String> kinds, String title, String body) {
        Set<String> expected = new LinkedHashSet<>(kinds);
        expected.add("CHROME");
        int at = body.indexOf(title.strip());
        if (at >= 0 && at < 200) {
            expected.add("METADATA");
        }
        return expected;
    }

    String wrap(String title, String channel, String body, Layout layout) {
        String site = pick(random, SITES);
        List<String> blocks = new ArrayList<>();
        layout.above().forEach(p -> blocks.add(render(p, title, channel, site)));
        blocks.add(body);
        layout.below().forEach(p -> blocks.add(render(p, title, channel, site)));
        return String.join("\n\n", blocks);
    }

    private String render(Part part, String title, String channel, String site) {
        String date = "20" + (20 + random.nextInt(5)) + "-0" + (1 + random.nextInt(9)) + "-" + (10 + random.nextInt(18));
        return switch (part) {
            case PAGE_TITLE -> title + " | " + site;
            case MENU -> String.join("\n", menu(6 + random.nextInt(5)));
            case INLINE_MENU -> String.join(" | ", menu(6));
            case BREADCRUMB -> pick(random, List.of("当前位置：首页 > 新闻中心 > " + channel, "您的位置：网站首页 >> " + channel + " >> 正文",
                    "位置：首页 » " + channel, "首页 > " + channel + " > 正文"));
            case TITLE -> title;
            case META -> pick(random, List.of("发布时间：" + date + " 09:" + (10 + random.nextInt(50)) + "  来源：" + site
                    + "  浏览次数：" + (100 + random.nextInt(3000)), "时间：" + date + "  点击：" + (50 + random.nextInt(900))));
            case AUTHOR_META -> "作者：" + pick(random, TextCraft.NAMES) + "  发布日期：" + date + "  阅读：" + (100 + random.nextInt(2000)) + "次";
            case TOOLS -> "【字体：大 中 小】【打印本页】【关闭窗口】";
            case SHARE -> pick(random, List.of("分享到：", "扫一扫 手机端浏览", "微信扫一扫 分享到朋友圈"));
            case QR -> pick(random, List.of("扫描二维码关注我们", "关注" + site + "微信公众号"));
            case PREV_NEXT -> "上一篇：" + pick(random, otherTitles) + "\n下一篇：" + pick(random, otherTitles);
            case PREV_NEXT_ITEM -> "上一条：" + pick(random, otherTitles) + "\n下一条：" + pick(random, otherTitles);
            case RELATED -> pick(random, List.of("相关内容", "为您推荐", "相关新闻", "热门推荐")) + "\n"
                    + String.join("\n", pickTitles(4 + random.nextInt(3)));
            case FOOTER -> "版权所有：" + site + "  地址：" + pick(random, List.of("人民路", "解放路", "中山路", "建设大道"))
                    + (1 + random.nextInt(300)) + "号  电话：0" + (700 + random.nextInt(200)) + "-" + digits(random, 8) + "\n"
                    + pick(random, PROVINCES) + "ICP备" + digits(random, 8) + "号-1  " + pick(random, PROVINCES) + "公网安备 "
                    + digits(random, 14) + "号\n技术支持：" + pick(random, List.of("华信", "云帆", "博远", "恒达")) + "网络科技有限公司";
        };
    }

    private List<String> menu(int size) {
        List<String> items = new ArrayList<>(MENU_ITEMS.subList(1, MENU_ITEMS.size()));
        java.util.Collections.shuffle(items, random);
        List<String> menu = new ArrayList<>(List.of(MENU_ITEMS.getFirst()));
        menu.addAll(items.subList(0, size - 1));
        return menu;
    }

    private List<String> pickTitles(int count) {
        List<String> titles = new ArrayList<>(otherTitles);
        java.util.Collections.shuffle(titles, random);
        return titles.subList(0, Math.min(count, titles.size()));
    }

    private static Layout layout(String above, String below) {
        return new Layout(parts(above), parts(below));
    }

    private static List<Part> parts(String names) {
        return names.isBlank() ? List.of() : java.util.Arrays.stream(names.split(" ")).map(Part::valueOf).toList();
    }
}
