package dev.herald.moderation.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Page chrome that comes along when a report is pasted from a web page: menus, breadcrumbs, share and
 * QR prompts, previous/next links, recommendation lists and footers. Works line by line on the body,
 * and offers the body without them.
 */
final class ChromeDetector {

    record Result(List<Finding> findings, String cleanedBody) {
    }

    private static final Pattern CHROME_LINE = Pattern.compile(
            "^(?:当前位置|您的位置|你的位置|位置\\s*[:：]).*|.*首页\\s*[>›»].*|^\\s*[>›»]\\s*正文\\s*$"
            + "|.*(?:扫一扫|分享到|手机端浏览|手机版|微信公众号|二维码|打印本页|关闭窗口|返回顶部).*"
            + "|^\\s*(?:上一篇|下一篇|上一条|下一条)\\s*[:：].*"
            // page metadata, and a page title ending in "| site name"
            + "|^\\s*(?:时间|发布时间|发布日期|来源|本文来源|作者|点击|浏览|阅读)\\s*[:：].*|^.{2,40}\\s[|｜]\\s*\\S{2,16}\\s*$"
            // the footer: copyright, the ICP and public-security record numbers, the agency that built the site
            + "|.*(?:版权所有|ICP备|ICP证|公网安备|技术支持\\s*[:：]|(?i:copyright|all rights reserved)).*");
    private static final Pattern LIST_HEADER = Pattern.compile("^\\s*(?:为您推荐|相关内容|相关阅读|相关新闻|热门推荐|猜你喜欢|友情链接)\\s*[:：]?.*");
    private static final Pattern SENTENCE = Pattern.compile("[。!?！？;；]");
    /** A list item a report numbers itself ("1.", "（一）", "四、"): navigation menus are never numbered. */
    private static final Pattern ENUMERATED = Pattern.compile("^(?:\\d{1,2}\\s*[.、．)）]|[（(][一二三四五六七八九十\\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)");

    private final ScreeningRules.Chrome rules;

    ChromeDetector(ScreeningRules.Chrome rules) {
        this.rules = rules;
    }

    Result inspect(String body) {
        if (body == null || body.isEmpty()) {
            return new Result(List.of(), null);
        }
        List<int[]> lines = lines(body);
        boolean[] chrome = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = text(body, lines.get(i)).strip();
            // a report mentions its WeChat account, QR codes and sources in sentences; chrome never has sentences
            if (prose(line)) {
                continue;
            }
            if (CHROME_LINE.matcher(line).matches()) {
                chrome[i] = true;
            }
            // a recommendation list in the last part of the page takes the rest of the page with it
            if (LIST_HEADER.matcher(line).matches() && lines.get(i)[0] > body.length() * rules.listFrom()) {
                for (int k = i; k < lines.size(); k++) chrome[k] = true;
                break;
            }
        }
        markMenus(body, lines, chrome);

        List<Finding> findings = new ArrayList<>();
        StringBuilder cleaned = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            if (!chrome[i]) {
                cleaned.append(text(body, lines.get(i))).append('\n');
                i++;
                continue;
            }
            int from = i;
            while (i < lines.size() && chrome[i]) i++;
            int start = lines.get(from)[0], end = lines.get(i - 1)[1];
            String excerpt = text(body, new int[]{start, end}).strip().replaceAll("\\s+", " ");
            findings.add(new Finding(Finding.Kind.CHROME, rules.severity(),
                    "page chrome: " + (excerpt.length() > 40 ? excerpt.substring(0, 40) + "…" : excerpt), "body", start, end));
        }
        String result = cleaned.toString().replaceAll("\n{3,}", "\n\n").strip();
        return new Result(findings, findings.isEmpty() ? null : result);
    }

    /** A run of short lines without sentence punctuation is a navigation menu. */
    private void markMenus(String body, List<int[]> lines, boolean[] chrome) {
        int runStart = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean shortLine = i < lines.size() && isMenuItem(text(body, lines.get(i)).strip());
            if (shortLine && runStart < 0) {
                runStart = i;
            }
            if (!shortLine && runStart >= 0) {
                if (i - runStart >= rules.menuRun()) {
                    for (int k = runStart; k < i; k++) chrome[k] = true;
                }
                runStart = -1;
            }
        }
    }

    private boolean isMenuItem(String line) {
        return !line.isEmpty() && line.length() <= rules.menuItemMax() && !SENTENCE.matcher(line).find()
                && !ENUMERATED.matcher(line).find();
    }

    private boolean prose(String line) {
        return line.length() > rules.proseMin() && SENTENCE.matcher(line).find();
    }

    private static List<int[]> lines(String body) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || body.charAt(i) == '\n') {
                if (i > start || i < body.length()) lines.add(new int[]{start, i});
                start = i + 1;
            }
        }
        return lines;
    }

    private static String text(String body, int[] span) {
        return body.substring(span[0], span[1]);
    }
}
