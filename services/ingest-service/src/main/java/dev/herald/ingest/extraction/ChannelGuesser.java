package dev.herald.ingest.extraction;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the channel a page belongs to. The page's own trail (当前位置 > 党旗飘扬,战疫情) or column label is the
 * site editor's choice and is taken when it names a registered channel; without one, words typical of a channel
 * in the title and body give a weak guess, and no guess at all when no channel stands out. The site's menu is never
 * read: it lists every channel.
 */
final class ChannelGuesser {

    private static final Set<String> NOT_CHANNELS = Set.of("首页", "正文", "详情", "内容", "文章", "网站首页", "主页", "新闻详情", "当前位置");
    // cue words for the channels this platform ships with, keyed by folded channel name; other channels get their own name
    private static final Map<String, List<String>> CUES = Map.of(
            KnownNames.key("党旗飘扬·战疫情"), List.of("疫情", "抗疫", "新冠", "肺炎", "战疫", "防控"),
            KnownNames.key("廉政教育"), List.of("廉政", "廉洁", "纪检", "监察", "警示教育", "反腐", "作风建设", "清廉", "纪律"),
            KnownNames.key("培训活动"), List.of("培训班", "培训", "学员", "授课", "开班", "结业", "研修"),
            KnownNames.key("党建知识"), List.of("知识问答", "知识竞赛", "应知应会", "解读", "知识", "是什么", "怎么", "基本制度", "规定"),
            KnownNames.key("通知公告"), List.of("通知", "公告", "特此", "报名", "截止", "各党支部"),
            KnownNames.key("党建案例"), List.of("案例", "经验做法", "典型经验", "工作法"),
            KnownNames.key("党建风采"), List.of("风采", "文艺", "演出", "合唱", "展演", "风貌"),
            KnownNames.key("志愿服务"), List.of("志愿", "志愿者", "义诊", "服务队", "便民"),
            KnownNames.key("理论学习"), List.of("理论学习", "中心组", "专题学习", "读书班", "学习研讨", "研讨"));
    private static final double MIN_SCORE = 3;

    private ChannelGuesser() {
    }

    static ExtractedField fromTrail(KnownNames registry, List<LineClassifier.Crumb> crumbs, double confidence) {
        for (int i = crumbs.size() - 1; i >= 0; i--) {
            LineClassifier.Crumb c = crumbs.get(i);
            if (NOT_CHANNELS.contains(c.text())) continue;
            String channel = registry.channelFor(c.text());
            if (channel != null) return ExtractedField.of(channel, confidence, c.span());
            // a trail printed with spaces between its parts (专题 工作动态)
            String[] words = c.text().split("\\s+");
            int offset = c.text().length();
            for (int w = words.length - 1; w >= 0 && words.length > 1; w--) {
                offset = c.text().lastIndexOf(words[w], offset - 1);
                channel = registry.channelFor(words[w]);
                if (channel != null && offset >= 0) {
                    Span s = c.span();
                    return ExtractedField.of(channel, confidence * 0.95,
                            new Span(s.line(), s.start() + offset, s.start() + offset + words[w].length()));
                }
            }
        }
        return null;
    }

    /** A weak guess from cue words, title counting three times; null unless one channel clearly leads. */
    static ExtractedField fromContent(KnownNames registry, String title, String body) {
        String text = body.length() > 4000 ? body.substring(0, 4000) : body;
        String best = null;
        double bestScore = 0, second = 0;
        for (String channel : registry.channelNames()) {
            List<String> cues = CUES.getOrDefault(KnownNames.key(channel), List.of(channel));
            double score = 0;
            for (String cue : cues) {
                score += 3 * count(title == null ? "" : title, cue) + Math.min(count(text, cue), 10);
            }
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = channel;
            } else if (score > second) {
                second = score;
            }
        }
        if (best == null || bestScore < MIN_SCORE || bestScore < 1.5 * second) return null;
        return ExtractedField.of(best, Math.min(0.5, 0.2 + bestScore / 100), null);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) n++;
        return n;
    }
}
