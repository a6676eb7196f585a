package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.herald.moderation.screening.evaluation.TextCraft.digits;
import static dev.herald.moderation.screening.evaluation.TextCraft.letters;
import static dev.herald.moderation.screening.evaluation.TextCraft.pick;
import static dev.herald.moderation.screening.evaluation.TextCraft.wide;

/**
 * Turns clean reports into gambling spam the way it arrives: a casino brand put in place of an ordinary
 * word of the report again and again, in a disguise, and contact bait between the paragraphs.
 */
final class SpamInjector {

    /** How a brand is written to slip past plain matching. */
    enum Disguise { PLAIN, FILLER, SPACED, TRADITIONAL, MIXED }

    /**
     * Contact bait; the WIDE ones write the contact in full-width forms, DISGUISED_WECHAT a homophone of 微信. The
     * rest are the forms Chinese spam writes links in to slip past link filters (see {@code evaluation/SOURCES.md}):
     * a bare domain of a new top-level domain, dots written 点 or 。, a domain spelled out letter by letter, an IP
     * with a port, a short link, a QR-code and group prompt, and the "only official WeChat, agents add" notice.
     */
    enum Bait { WECHAT, QQ, LINK, MOBILE, CLICK, WIDE_QQ, WIDE_LINK, WIDE_MOBILE, WIDE_WECHAT, DISGUISED_WECHAT,
        BARE_DOMAIN, DOTTED_DOMAIN, SPACED_DOMAIN, IP_PORT, SHORT_LINK, QR_GROUP, AGENT_WECHAT,
        // the evasion forms of evaluation/SOURCES.md's second part
        BRACKETED_DOT, LOOK_ALIKE_DOMAIN, SPELLED_OUT_DOMAIN, SPACED_QQ_GROUP, NUMERAL_GROUP, WECHAT_PLUS, TELEGRAM,
        WRITTEN_OUT_EMAIL, CIRCLED_MOBILE }

    /** {@code unitName}: the brand takes the place of the unit's own name where the report repeats it. */
    private record Recipe(Disguise disguise, int times, boolean inTitle, List<Bait> baits, boolean unitName) {

        Recipe(Disguise disguise, int times, boolean inTitle, List<Bait> baits) {
            this(disguise, times, inTitle, baits, false);
        }
    }

    /** Brands of the starter lexicon. */
    private static final List<String> LISTED_BRANDS = List.of("澳门葡京", "葡京娱乐", "威尼斯人娱乐", "太阳城娱乐", "金沙娱乐",
            "银河娱乐", "皇冠体育", "亚博体育", "开元棋牌", "百家乐", "真人视讯", "六合彩", "时时彩", "北京赛车");

    /** Brands made up for the set, in no lexicon: what is left to catch them is their bait. */
    private static final List<String> UNLISTED_BRANDS = List.of("鸿福汇", "金樽国际", "鼎泰娱乐城", "万象彩", "乐盈天下",
            "盛世金殿", "星耀国际", "聚宝阁", "富利来", "天运彩", "恒丰汇", "锦鲤娱乐城");

    private static final Map<String, String> TRADITIONAL = Map.ofEntries(Map.entry("澳门葡京", "澳門葡京"),
            Map.entry("葡京娱乐", "葡京娛樂"), Map.entry("威尼斯人娱乐", "威尼斯人娛樂"), Map.entry("太阳城娱乐", "太陽城娛樂"),
            Map.entry("金沙娱乐", "金沙娛樂"), Map.entry("银河娱乐", "銀河娛樂"), Map.entry("皇冠体育", "皇冠體育"),
            Map.entry("亚博体育", "亞博體育"), Map.entry("开元棋牌", "開元棋牌"), Map.entry("百家乐", "百家樂"),
            Map.entry("真人视讯", "真人視訊"), Map.entry("六合彩", "六合彩"), Map.entry("时时彩", "時時彩"),
            Map.entry("北京赛车", "北京賽車"));

    /** Words reports use often, so a brand in their place recurs through the whole text. */
    private static final List<String> ORDINARY_WORDS = List.of("医院", "社区", "学校", "党支部", "中心", "党员", "患者",
            "居民", "学生", "志愿者", "活动", "工作");

    private static final List<String> FILLERS = List.of("*", "·", "-", "_", "★", "~");

    private static final List<Recipe> LISTED = List.of(
            new Recipe(Disguise.PLAIN, 6, false, List.of(Bait.WECHAT, Bait.LINK)),
            new Recipe(Disguise.PLAIN, 4, true, List.of(Bait.QQ, Bait.CLICK)),
            new Recipe(Disguise.FILLER, 5, false, List.of(Bait.LINK, Bait.MOBILE)),
            new Recipe(Disguise.FILLER, 6, false, List.of(Bait.WIDE_QQ)),
            new Recipe(Disguise.SPACED, 5, true, List.of(Bait.WECHAT)),
            new Recipe(Disguise.SPACED, 4, false, List.of(Bait.CLICK, Bait.QQ)),
            new Recipe(Disguise.TRADITIONAL, 6, false, List.of(Bait.LINK)),
            new Recipe(Disguise.TRADITIONAL, 5, true, List.of(Bait.WIDE_LINK)),
            new Recipe(Disguise.MIXED, 8, false, List.of(Bait.WECHAT, Bait.MOBILE, Bait.CLICK)),
            new Recipe(Disguise.MIXED, 6, false, List.of()),
            new Recipe(Disguise.PLAIN, 4, false, List.of()),
            new Recipe(Disguise.FILLER, 3, true, List.of(Bait.MOBILE)),
            new Recipe(Disguise.PLAIN, 5, false, List.of(Bait.WIDE_MOBILE)),
            new Recipe(Disguise.TRADITIONAL, 4, false, List.of()),
            new Recipe(Disguise.MIXED, 5, true, List.of(Bait.LINK, Bait.QQ)),
            new Recipe(Disguise.SPACED, 4, false, List.of(Bait.WIDE_WECHAT)));

    private static final List<Recipe> UNLISTED = List.of(
            new Recipe(Disguise.PLAIN, 5, true, List.of(Bait.LINK, Bait.CLICK)),
            new Recipe(Disguise.PLAIN, 4, false, List.of(Bait.WECHAT)),
            new Recipe(Disguise.PLAIN, 6, false, List.of(Bait.QQ, Bait.MOBILE)),
            new Recipe(Disguise.FILLER, 4, false, List.of(Bait.LINK)),
            new Recipe(Disguise.PLAIN, 5, true, List.of(Bait.WECHAT, Bait.CLICK)),
            new Recipe(Disguise.PLAIN, 4, false, List.of(Bait.MOBILE)),
            new Recipe(Disguise.PLAIN, 6, false, List.of(Bait.WIDE_QQ, Bait.WIDE_LINK)),
            new Recipe(Disguise.SPACED, 5, false, List.of(Bait.QQ)),
            new Recipe(Disguise.PLAIN, 4, false, List.of(Bait.DISGUISED_WECHAT)),
            new Recipe(Disguise.PLAIN, 5, true, List.of(Bait.LINK, Bait.QQ)),
            new Recipe(Disguise.PLAIN, 6, false, List.of(Bait.CLICK)),
            new Recipe(Disguise.PLAIN, 4, false, List.of(Bait.WIDE_WECHAT, Bait.WIDE_MOBILE)),
            new Recipe(Disguise.PLAIN, 5, false, List.of(Bait.BARE_DOMAIN), true),
            new Recipe(Disguise.PLAIN, 4, true, List.of(Bait.DOTTED_DOMAIN)),
            new Recipe(Disguise.FILLER, 5, false, List.of(Bait.SPACED_DOMAIN), true),
            new Recipe(Disguise.PLAIN, 6, false, List.of(Bait.IP_PORT)),
            new Recipe(Disguise.PLAIN, 4, false, List.of(Bait.SHORT_LINK), true),
            new Recipe(Disguise.SPACED, 5, false, List.of(Bait.QR_GROUP)),
            new Recipe(Disguise.PLAIN, 5, false, List.of(Bait.AGENT_WECHAT), true),
            new Recipe(Disguise.PLAIN, 3, false, List.of(Bait.BARE_DOMAIN, Bait.QR_GROUP)),
            new Recipe(Disguise.PLAIN, 6, true, List.of(Bait.DOTTED_DOMAIN, Bait.SHORT_LINK), true),
            new Recipe(Disguise.PLAIN, 4, false, List.of(Bait.IP_PORT, Bait.AGENT_WECHAT)),
            new Recipe(Disguise.PLAIN, 5, false, List.of(Bait.BARE_DOMAIN), true),
            new Recipe(Disguise.PLAIN, 4, false, List.of(Bait.SPACED_DOMAIN, Bait.QR_GROUP)));

    /** Recipes whose bait is written to slip past a filter, each form as public spam shows it. */
    private static final List<Recipe> EVASIVE = List.of(
            new Recipe(Disguise.PLAIN, 5, false, List.of(Bait.BRACKETED_DOT), true),
            new Recipe(Disguise.PLAIN, 4, true, List.of(Bait.LOOK_ALIKE_DOMAIN)),
            new Recipe(Disguise.PLAIN, 5, false, List.of(Bait.SPELLED_OUT_DOMAIN)),
            new Recipe(Disguise.FILLER, 4, false, List.of(Bait.SPACED_QQ_GROUP), true),
            new Recipe(Disguise.PLAIN, 5, false, List.of(Bait.NUMERAL_GROUP)),
            new Recipe(Disguise.PLAIN, 4, false, List.of(Bait.WECHAT_PLUS), true),
            new Recipe(Disguise.PLAIN, 6, true, List.of(Bait.TELEGRAM)),
            new Recipe(Disguise.PLAIN, 4, false, List.of(Bait.WRITTEN_OUT_EMAIL)),
            new Recipe(Disguise.SPACED, 5, false, List.of(Bait.CIRCLED_MOBILE)),
            new Recipe(Disguise.PLAIN, 3, false, List.of(Bait.TELEGRAM, Bait.BRACKETED_DOT)));

    /** Made up too, for the evasive recipes. */
    private static final List<String> EVASIVE_BRANDS = List.of("隆鑫汇", "金玺国际", "聚福彩", "tk5577", "顺发平台", "宏运官网",
            "金冠汇", "祥瑞科技", "永盛集团", "鸿运汇");

    /**
     * Brands for the recipes of the written link forms, made up too: commercial endings (国际, 娱乐, 官网, 科技,
     * 平台, 集团) and Latin brands with digits, as the spam samples name their platforms.
     */
    private static final List<String> FORM_BRANDS = List.of("鑫博国际", "汇丰娱乐", "永利汇", "金博官网", "豪利科技",
            "鼎盛平台", "bet8899", "新濠天地", "万利彩", "利来集团", "uc8866", "凯撒皇宫");

    private final Random random;

    SpamInjector(Random random) {
        this.random = random;
    }

    /** Brands of the starter lexicon: promotion must be found, and enough of it for LIKELY_SPAM. */
    List<EvaluationCase> listed(List<EvaluationCase> sources) {
        List<String> brands = shuffled(LISTED_BRANDS);
        List<EvaluationCase> cases = new ArrayList<>();
        List<EvaluationCase> taken = TextCraft.take(sources, LISTED.size(), random);
        for (int i = 0; i < LISTED.size(); i++) {
            cases.add(inject(String.format("injected-%02d", i + 1), Category.INJECTED, taken.get(i),
                    brands.get(i % brands.size()), LISTED.get(i), Verdict.LIKELY_SPAM));
        }
        return cases;
    }

    /**
     * Brands no lexicon knows, in reports that had no lexicon term before: the bait is what is left to
     * catch, and {@code lexiconHit} proves the promotion detector is given nothing it could know.
     */
    List<EvaluationCase> unlisted(List<EvaluationCase> sources, Predicate<String> lexiconHit) {
        List<String> brands = shuffled(UNLISTED_BRANDS);
        // the first twelve recipes keep the brands they were made with before the link forms came
        return madeUp("unlisted", UNLISTED, i -> i < UNLISTED_BRANDS.size() ? brands.get(i) : FORM_BRANDS.get(i - UNLISTED_BRANDS.size()),
                sources, lexiconHit);
    }

    /** As {@link #unlisted}, with bait written the ways public spam slips it past filters. */
    List<EvaluationCase> evasive(List<EvaluationCase> sources, Predicate<String> lexiconHit) {
        return madeUp("evasive", EVASIVE, EVASIVE_BRANDS::get, sources, lexiconHit);
    }

    private List<EvaluationCase> madeUp(String prefix, List<Recipe> recipes, java.util.function.IntFunction<String> brandOf,
                                        List<EvaluationCase> sources, Predicate<String> lexiconHit) {
        List<EvaluationCase> eligible = sources.stream().filter(s -> !lexiconHit.test(s.title() + "\n" + s.body())).toList();
        List<EvaluationCase> cases = new ArrayList<>();
        List<EvaluationCase> taken = TextCraft.take(eligible, recipes.size(), random);
        for (int i = 0; i < recipes.size(); i++) {
            EvaluationCase c = inject(String.format("%s-%02d", prefix, i + 1), Category.INJECTED_UNLISTED, taken.get(i),
                    brandOf.apply(i), recipes.get(i), Verdict.NEEDS_ATTENTION);
            if (lexiconHit.test(c.title() + "\n" + c.body())) {
                throw new IllegalStateException(c.id() + " has a lexicon term, so its brand is not unlisted after all");
            }
            cases.add(c);
        }
        return cases;
    }

    private EvaluationCase inject(String id, Category category, EvaluationCase source, String brand, Recipe recipe,
                                  Verdict expected) {
        String word = recipe.unitName() && occurrences(source.body(), source.unit()) >= 2 ? source.unit()
                : mostFrequentWord(source.body());
        String filler = pick(random, FILLERS);
        String space = random.nextBoolean() ? " " : "\u3000";
        List<String> paragraphs = TextCraft.paragraphs(replace(source.body(), word, recipe.times(), brand, recipe.disguise(),
                filler, space));
        List<Bait> baits = recipe.baits();
        for (int k = 0; k < baits.size(); k++) {
            int at = Math.min(paragraphs.size(), (k + 1) * paragraphs.size() / baits.size());
            paragraphs.add(at, bait(baits.get(k), disguise(brand, recipe.disguise(), filler, space)));
        }
        String title = source.title();
        if (recipe.inTitle()) {
            String shown = disguise(brand, recipe.disguise(), filler, space);
            title = title.contains(word) ? title.replaceFirst(word, shown) : shown + " " + title;
        }
        // an unlisted brand is nothing the lexicon can know: only its bait is there to find
        Set<String> kinds = new LinkedHashSet<>();
        int replaced = Math.min(recipe.times(), occurrences(source.body(), word));
        if (category == Category.INJECTED) {
            kinds.add("PROMOTION");
        } else if (mentions(TextCraft.join(paragraphs), brand) >= 3) {
            kinds.add("RECURRING_NAME");
        }
        if (!baits.isEmpty()) {
            kinds.add("CONTACT");
        }
        String note = brand + " (" + recipe.disguise().name().toLowerCase() + ") in place of " + word + " "
                + replaced + " times"
                + (recipe.inTitle() ? ", and in the title" : "") + "; bait: "
                + (baits.isEmpty() ? "none" : baits.stream().map(b -> b.name().toLowerCase()).collect(Collectors.joining(", ")));
        return new EvaluationCase(id, category, kinds, expected, source.id(), List.of(), note, title, source.unit(), source.channel(),
                TextCraft.join(paragraphs));
    }

    /** Replaces {@code times} occurrences of the word spread over the text, or all of them when there are fewer. */
    private String replace(String body, String word, int times, String brand, Disguise disguise, String filler, String space) {
        List<Integer> at = new ArrayList<>();
        for (int i = body.indexOf(word); i >= 0; i = body.indexOf(word, i + word.length())) {
            at.add(i);
        }
        Set<Integer> chosen = new java.util.TreeSet<>();
        for (int k = 0; k < Math.min(times, at.size()); k++) {
            chosen.add(at.get(k * at.size() / Math.min(times, at.size())));
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i : chosen) {
            out.append(body, from, i).append(disguise(brand, disguise, filler, space));
            from = i + word.length();
        }
        return out.append(body.substring(from)).toString();
    }

    private String disguise(String brand, Disguise disguise, String filler, String space) {
        return switch (disguise) {
            case PLAIN -> brand;
            case FILLER -> String.join(filler, brand.split(""));
            case SPACED -> String.join(space, brand.split(""));
            case TRADITIONAL -> TRADITIONAL.getOrDefault(brand, brand);
            case MIXED -> disguise(brand, pick(random, List.of(Disguise.PLAIN, Disguise.FILLER, Disguise.SPACED,
                    Disguise.TRADITIONAL)), pick(random, FILLERS), space);
        };
    }

    private String bait(Bait bait, String brand) {
        String wechat = letters(random, 2) + digits(random, 6);
        String qq = digits(random, 9);
        String site = "www." + letters(random, 3) + digits(random, 3) + ".com";
        String mobile = "1" + pick(random, List.of("3", "5", "7", "8", "9")) + digits(random, 9);
        return switch (bait) {
            case WECHAT -> "想了解" + brand + "最新优惠活动，请添加客服微信：" + wechat + "，二十四小时在线。";
            case QQ -> brand + "官方客服QQ：" + qq + "，专人一对一为您服务。";
            case LINK -> brand + "官方网址 https://" + site + " 手机电脑均可访问，线路稳定不卡顿。";
            case MOBILE -> "合作热线：" + mobile + "，欢迎来电咨询" + brand + "相关事宜。";
            case CLICK -> "新会员点击进入" + brand + "即可领取" + (88 + random.nextInt(900)) + "元见面礼，名额有限。";
            case WIDE_QQ -> brand + "客服" + wide("QQ:" + qq) + "，欢迎咨询。";
            case WIDE_LINK -> "认准" + brand + "唯一网址：" + wide(site) + "，复制到浏览器打开。";
            case WIDE_MOBILE -> brand + "咨询热线：" + wide(mobile) + "。";
            case WIDE_WECHAT -> "添加" + brand + "客服微信" + wide(wechat) + "了解更多。";
            case DISGUISED_WECHAT -> "加薇信：" + wechat + " 了解" + brand + "每日福利。";
            case BARE_DOMAIN -> "登录" + brand + "官方网站 " + letters(random, 4) + digits(random, 4) + "."
                    + pick(random, List.of("xyz", "vip", "top", "cc", "club", "shop", "site", "online")) + " 即可体验。";
            case DOTTED_DOMAIN -> brand + "网址：" + letters(random, 3) + digits(random, 3)
                    + pick(random, List.of("点com", "。vip", " 。 top", "．cc", "点cn")) + "（“点”换成“.”即可打开）。";
            case SPACED_DOMAIN -> "认准" + brand + "：w w w . " + String.join(" ", letters(random, 3).split("")) + " . com";
            case IP_PORT -> brand + "备用线路 " + (45 + random.nextInt(150)) + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + "." + (1 + random.nextInt(254)) + ":" + (8000 + random.nextInt(1000)) + " 防屏蔽。";
            case SHORT_LINK -> brand + "活动详情戳 " + pick(random, List.of("t.cn", "dwz.cn", "url.cn", "bit.ly", "suo.im"))
                    + "/" + letters(random, 3) + digits(random, 2) + letters(random, 2) + " 查看。";
            case QR_GROUP -> "长按识别二维码加入" + brand + "会员群，每晚八点准时开奖。";
            case AGENT_WECHAT -> "请认准" + brand + "唯一官方微信：" + wechat + "，其它均为假冒；招募代理请加vx "
                    + letters(random, 2) + digits(random, 7) + "。";
            case BRACKETED_DOT -> "低价福利上" + brand + "：" + letters(random, 5) + digits(random, 2)
                    + pick(random, List.of("(点)com", "【点】vip", "（点）top", "[.]cc", "丶com")) + " 快来。";
            case LOOK_ALIKE_DOMAIN -> brand + "新地址 " + lookAlike(letters(random, 6)) + "." + lookAlike("com") + " 请收藏。";
            case SPELLED_OUT_DOMAIN -> "记住" + brand + "：" + String.join(" ", (letters(random, 5) + digits(random, 2)).split(""))
                    + " . " + String.join(" ", pick(random, List.of("com", "vip", "top")).split("")) + " 全场五折";
            case SPACED_QQ_GROUP -> "想进" + brand + "内部群的加 Q Q 群 " + String.join(" ", digits(random, 8).split("")) + " 。";
            case NUMERAL_GROUP -> brand + "福利多多，快来加群" + numerals(digits(random, 7)) + "。";
            case WECHAT_PLUS -> "有需要的薇➕：" + wechat + "，" + brand + "专人对接。";
            case TELEGRAM -> "联系" + brand + "技术" + pick(random, List.of("飞机", "纸飞机", "TG")) + "：@" + letters(random, 6)
                    + digits(random, 3) + "，提供你服务器IP即安排测试。";
            case WRITTEN_OUT_EMAIL -> "合作请发邮件（" + letters(random, 6) + pick(random, List.of("(在)", "(at)")) + "icloud(点)com）给"
                    + brand + "。";
            case CIRCLED_MOBILE -> brand + "客服：" + circled(mobile) + "。";
        };
    }

    // Cyrillic а, е, о, р, с, х in place of their Latin look-alikes
    private static String lookAlike(String latin) {
        return latin.replace('a', 'а').replace('e', 'е').replace('o', 'о').replace('p', 'р').replace('c', 'с').replace('x', 'х');
    }

    private static String numerals(String digits) {
        return digits.chars().mapToObj(d -> String.valueOf("〇一二三四五六七八九".charAt(d - '0'))).collect(Collectors.joining());
    }

    private static String circled(String digits) {
        return digits.chars().mapToObj(d -> d == '0' ? "⓪" : String.valueOf((char) ('①' + d - '1'))).collect(Collectors.joining());
    }

    private static String mostFrequentWord(String body) {
        String best = ORDINARY_WORDS.getFirst();
        int bestCount = -1;
        for (String word : ORDINARY_WORDS) {
            int count = occurrences(body, word);
            if (count > bestCount) {
                best = word;
                bestCount = count;
            }
        }
        return best;
    }

    /** How often the brand stands in the body, in whatever disguise: the bait names it too. */
    private static int mentions(String body, String brand) {
        return occurrences(dev.herald.text.FoldedText.fold(body), dev.herald.text.FoldedText.fold(brand));
    }

    private static int occurrences(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }

    private List<String> shuffled(List<String> items) {
        List<String> copy = new ArrayList<>(items);
        java.util.Collections.shuffle(copy, random);
        return copy;
    }
}
