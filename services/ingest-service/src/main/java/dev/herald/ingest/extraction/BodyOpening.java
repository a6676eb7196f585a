package dev.herald.ingest.extraction;

import dev.herald.text.ChineseText;

import java.util.regex.Pattern;

/**
 * Where the article's first words are. The best run of prose can open on what pages print between the metadata and
 * the text: the original headline of a reprint (原标题：…), a summary repeating the first paragraph, the address of
 * the page, a picture's caption, a comment counter, a dateline standing alone (TNW中文站 10月14日报道), the title again.
 */
final class BodyOpening {

    static final Pattern ORIGINAL_TITLE = Pattern.compile("^[（(【\\[]?\\s*(本文)?原(标)?题\\s*[:：]");
    // in brackets the label needs no colon: 【摘要】…
    // (set with a space to fill the label's width: 摘 要：)
    private static final Pattern SUMMARY = Pattern.compile("^[【\\[]?(摘\\s*要|内容摘要|内容提要|核心提示|导\\s*读|导\\s*语|提\\s*要)[】\\]]?\\s*[:：]|^[【\\[](摘要|内容摘要|内容提要|核心提示|导读|导语|提要)[】\\]]");
    // what a player prints where the video did not load: 视频加载中，请稍候...
    private static final Pattern PLAYER = Pattern.compile("^(视频|音频)?(正在)?加载中|^(Play Video|您的浏览器不支持)"
            // a player's consent prompt: 請同意我們的隱私權規範，才能啟用聽新聞的功能
            + "|同意.{0,16}(隐私|隱私|Cookie|cookie).{0,20}(才能|方可|以)(启用|啟用|使用|开启|開啟)");
    // a picture's credit closes its caption wherever the caption stands: …出席会议（记者 张三 摄）, 李尕 摄, 受访者供图,
    // perhaps with the day the picture was taken (…中央社記者張新偉攝 112年2月16日)
    // or where the picture was taken from, as Taiwan's papers credit it: …發言應該更自律。（取自王婉諭臉書）
    // (or with the picture's source after 圖／, as 聯合報 prints it: …提供設備。 圖／騰訊科技)
    // (or an agency's or a screen's credit: …共享充电宝。视觉中国 资料, …支招周琦。视频截图, …萬大路一帶。（圖翻攝自google map）)
    private static final Pattern CREDITED_CAPTION = Pattern.compile("(摄|摄影|供图|/图|／图|翻摄)\\s*[)）]?(\\s*\\d{2,4}年\\d{1,2}月\\d{1,2}日)?$|[（(](?:图／|圖／)?取自[^()（）]{1,20}[)）]$"
            + "|[\\s\\u3000。]图[／/][^\\s\\u3000，。()（）]{1,12}$"
            + "|[\\s\\u3000。](视觉中国|东方IC|图虫创意|新华社发|中新社发)(\\s*资料)?$|[（(]?(?:本报)?(资料图|资料图片|资料照片|資料照片|資料照|视频截图|网络截图|微博截图|截图)[)）]?$"
            + "|[（(]图?翻摄自?[^()（）]{1,30}[)）]$|^图片来源[:：]");
    // over the text, a caption may close on who supplied the picture (…圖為內洞國家森林遊樂區。（林務局提供）); after the
    // text the same words credit a unit's report (…（宣传科提供）), so only an opening line is read so
    private static final Pattern SUPPLIED_CAPTION = Pattern.compile("。[\\s\\u3000]*[（(][^()（）]{1,12}提供[)）]$");
    // what WeChat articles open with: 点击上方蓝字关注我们, ▲长按识别二维码
    // a site thanking the reader who tipped it off, over the text (感谢IT之家网友 华南吴彦祖 的线索投递！)
    private static final Pattern TIP_THANKS = Pattern.compile("^感谢.{1,24}的(线索)?(投递|爆料)[！!。]?$");
    private static final Pattern FOLLOW_PROMPT = Pattern.compile("^[▲△↑☝\\s]*(点击|戳)(上方|下方|蓝字|标题下)|关注我们[!！。]?$|^[▲△\\s]*长按(识别|扫描)?二维码");
    private static final Pattern ADDRESS = Pattern.compile("^(https?://|www\\.)\\S+");
    // where else the piece appears, said above it (此篇文章同步刊登於 …, 本文首发于…): the text comes after
    private static final Pattern ALSO_PUBLISHED = Pattern.compile("^(?:此篇文章|本篇文章|本文|此文)(?:同步|亦|也)?(?:刊登|刊载|刊載|发表|發表|首发|首發|发布|發布)(?:于|於|在)");
    private static final Pattern COUNTER = Pattern.compile("^\\d*\\s*人参与\\s*\\d*\\s*评论$|^(T\\s*\\+\\s*-|A\\+?\\s*A-?)$");
    // or closes on what it shows, after a sentence of its own (…預計遊客數可望破20萬人次。圖為內洞國家森林遊樂區)
    private static final Pattern CAPTION = Pattern.compile("^(图为|图片|图：|图:|视频[-：:]|点击看大图|点击进入|（图片|\\(图片|▲|△)|。图为[^。]{2,30}$");
    // Taiwan's sites mark a picture's caption with a triangle (▲▼警消到場時…) and credit it in brackets (（圖／翻攝畫面）)
    private static final Pattern TRIANGLE_OR_PICTURE_CREDIT = Pattern.compile("^[▲▼△▽]|[（(]图[／/][^()（）]{1,12}[)）]$");
    private static final Pattern DATELINE = Pattern.compile("^.{0,16}?\\d{1,2}月\\d{1,2}日(电|讯|报道|消息)$");
    // a clause broken after an enumeration comma (“各民族要相互了解、相互尊重、) runs on into the next line as text does
    // (a post's chatty sentence may end on a tilde: 又是可爱的羊和你们相见~)
    private static final Pattern SENTENCE_END = Pattern.compile("(。|！|？|!|\\?|……|…|，|、|~|～)[”’」』\"]?$");
    private static final Pattern PICTURE = Pattern.compile("摄|供图|图片|资料图|截图|图为|视频|来源|配图|示意图|\\p{IsHan}{2,4}/图");
    // letters and digits only: a summary box may open on an icon glyph or a space the text below does not have
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    // a lead printed whole in brackets above the text: [上市公司借停牌避免进一步下跌，…]
    private static final Pattern BRACKETED_LEAD = Pattern.compile("^[\\[【].{20,}[\\]】]$");
    // a speech printed under its speaker's post and name (中国载人航天工程新闻发言人 武平): the credit is not its first words
    private static final Pattern SPEAKER = Pattern.compile("^[\\p{IsHan}A-Za-z0-9·（）()]{2,30}?(发言人|主持人|主讲人|讲话人|主任|局长|部长|厅长|处长|司长"
            + "|书记|院长|校长|市长|省长|县长|区长|主席|总裁|董事长|总经理|教授|研究员)[\\s\\u3000]+\\p{IsHan}{2,4}$");
    private static final Pattern CALL_TO_ACTION = Pattern.compile("[【\\[](点击|点此)(投票|查看|进入|报名|参与|下载|阅读|领取|预约|购买|参加)[】\\]]");
    // the dateline a report's text opens with (福州新聞網訊 1月9日，…, 香港文匯報訊（記者 高鈺）…, 新华社北京1月16日电（记者…）…)
    // (or a bracketed desk's credit: 【《财经》综合报道】据…; or the day's news, said so: 北京时间1月16日上午消息，…)
    private static final Pattern OPENING_DATELINE = Pattern.compile("^[\\p{IsHan}A-Za-z·]{1,16}?(?:\\d{1,2}月\\d{1,2}日)?(讯|訊|电|電)[\\s\\u3000（(：:]"
            + "|^[【\\[][^】\\]]{1,20}?(报道|報導|讯|訊|电|電)[】\\]]|^[^，。]{0,16}?\\d{1,2}月\\d{1,2}日[上下早晚]?[午间間]?消息[，,\\s\\u3000]");
    private static final Pattern CAPTION_MARK = Pattern.compile("^[■□●]");
    private static final Pattern STANDING_BYLINE = Pattern.compile("^[^（(【\\[]{0,12}记者");
    private static final Pattern SENTENCE_STOP = Pattern.compile("[。！？!?]");
    private static final Pattern SENTENCE_STOP_AT_END = Pattern.compile("[。！？!?]+[”’」』\"]?$");
    private static final int CAPTION_OVER_DATELINE = 80;
    // a credited caption over the text may run long (…颁奖典礼在北京电视台大剧院举行。图为颁奖典礼现场。（中国台湾网 王怡然 摄）)
    private static final int CREDITED_CAPTION_LENGTH = 120;
    // a picture's credit standing under its caption (報系資料照), and the text going on after them
    private static final int STANDING_CREDIT = 16;
    private static final int TEXT_AFTER_PICTURE = 40;
    // a writer's unit and name run together over the text (庆阳市安监局马春健)
    private static final int UNIT_CREDIT = 20;
    private static final Pattern HAN_ONLY = Pattern.compile("\\p{IsHan}+");
    private static final Pattern SURNAMED = Pattern.compile(PersonNames.PERSON);
    private static final int PROMO_REACH = 3;
    private static final int PROMO_LENGTH = 80;
    private static final int MAX_SKIPPED = 6;
    // a summary box repeats the lead, which comes within the first paragraphs; a thesis restated at the end is the text's own
    private static final int LEAD_REACH = 8;
    private static final int QUOTED_BOX = 30;
    private static final Pattern TWO_PHRASES = Pattern.compile("[^\\s\\u3000，,]{4,}[\\s\\u3000]*[\\s\\u3000，,][\\s\\u3000]*[^\\s\\u3000，,]{4,}");
    private static final int DECKED_SECTION = 6;

    private BodyOpening() {
    }

    /** The first line at or after start that is the article's text, at most a few lines on; start when none is. */
    static int firstLine(PageText page, LineKind[] kinds, int start, int end, String title) {
        String titleKey = title == null ? null : ChineseText.normalize(title);
        int promo = promoBox(page, kinds, start, end);
        if (promo >= 0) start = promo + 1;
        boolean boxSeen = false;
        for (int i = start, skipped = 0; i <= end && skipped < MAX_SKIPPED; i++) {
            if (kinds[i] != LineKind.PARAGRAPH && kinds[i] != LineKind.SHORT) continue;
            boolean noise = noise(page, i, titleKey) || captionOverDateline(page, kinds, i, end) || captionOverCredit(page, kinds, i, end)
                    || skipped == 0 && deck(page, kinds, i, end) || overByline(page, kinds, i, end);
            // only the first line of text can be a lead box; after it, a paragraph printed twice is the text's own
            boolean box = !noise && !boxSeen && repeatedLater(page, kinds, i, end);
            if (!noise) boxSeen = true;
            if (!noise && !box) return i == start || hasTextAfter(kinds, i, end) ? i : start;
            skipped++;
        }
        return start;
    }

    /**
     * A promotion boxed above the text ends on its call to action (…年度人物评选火热进行中！【点击投票】Pick你心目中的商业领袖):
     * that line and the box's lines before it are not the text, however they read. Looked for among the first lines only,
     * and only where text follows; a link inside a paragraph of the text is something else.
     */
    private static int promoBox(PageText page, LineKind[] kinds, int start, int end) {
        for (int i = start, seen = 0; i < end && seen < PROMO_REACH; i++) {
            if (kinds[i] != LineKind.PARAGRAPH && kinds[i] != LineKind.SHORT) continue;
            seen++;
            String line = page.lines().get(i);
            if (line.length() <= PROMO_LENGTH && CALL_TO_ACTION.matcher(line).find()) return hasTextAfter(kinds, i + 1, end) ? i : -1;
        }
        return -1;
    }

    static boolean noise(PageText page, int i, String titleKey) {
        String line = page.lines().get(i);
        if (ORIGINAL_TITLE.matcher(line).find() || SUMMARY.matcher(line).find() && !textsOwnParagraph(page, i) || ADDRESS.matcher(line).find()
                || COUNTER.matcher(line).find() || CAPTION.matcher(TraditionalForms.fold(line)).find() || DATELINE.matcher(line).matches()
                || line.length() <= 40 && PLAYER.matcher(line).find()
                // a notice's number printed above its salutation (南府办〔2021〕12号) is the document's, not its text
                || line.length() <= 40 && TitleLocator.DOCUMENT_NUMBER.matcher(line).find() && line.indexOf('，') < 0 && line.indexOf('。') < 0
                || line.length() <= CREDITED_CAPTION_LENGTH && CREDITED_CAPTION.matcher(TraditionalForms.fold(line)).find() || line.length() <= 60 && FOLLOW_PROMPT.matcher(line).find() || line.length() <= 40 && TIP_THANKS.matcher(line.strip()).matches()
                || line.length() <= 300 && BRACKETED_LEAD.matcher(line).matches() || line.length() <= 40 && SPEAKER.matcher(line).matches()
                || line.length() <= 60 && ALSO_PUBLISHED.matcher(line).find() || line.length() <= 80 && SUPPLIED_CAPTION.matcher(line).find()
                || PageReader.neverOpens(page.chromeOf(i))) {
            return true;
        }
        if (titleKey != null && repeatsTitle(ChineseText.normalize(line), titleKey)) return true;
        // nor is the writer's credit over the text, their unit and name run together (庆阳市安监局马春健)
        if (line.length() <= UNIT_CREDIT && unitAndName(line.strip())) return true;
        // a summary's label standing alone over it (核心提示：) is no words of the text, whatever follows it
        if (line.length() <= 8 && SUMMARY.matcher(line).find() && SUMMARY.matcher(line).replaceFirst("").isBlank()) return true;
        // a caption is a short line an image opens, unless it reads as the text's first sentence; a link is someone
        // else's page
        return line.length() <= 40 && (page.linkAt(i) || page.afterImageAt(i) && !sentence(line))
                || line.length() <= 16 && Fields.siteLike(line);
    }

    /**
     * A summary printed as the text's first paragraph, a paragraph beside the next in the same element (<p>核心提示：…</p>
     * <p>按照国家…</p>), is the text's own opening; in a box of its own above the text (<div class="news_core">) it is
     * not. Only markup can tell: in a text dump a summary is never taken for the first words.
     */
    private static boolean textsOwnParagraph(PageText page, int i) {
        return i + 1 < page.lines().size() && page.sameContainer(i, i + 1) && page.chromeOf(i) == null;
    }

    /**
     * A report's text opens on its dateline, so a short line between the opening picture and the dateline paragraph
     * (11日上午10時許，福州現代醫院LED又恢復了…的滾動廣告。 then 福州新聞網訊 1月9日，…) is the picture's caption however
     * much it reads as a sentence, as is one a paper marks (■浸大委任呂愛平教授為中醫藥學院院長。).
     */
    private static boolean captionOverDateline(PageText page, LineKind[] kinds, int i, int end) {
        String line = page.lines().get(i);
        if (line.length() > CAPTION_OVER_DATELINE || !(page.afterImageAt(i) || CAPTION_MARK.matcher(line).find() || oneSentence(line))) return false;
        for (int j = i + 1; j <= end; j++) {
            if (kinds[j] == LineKind.PARAGRAPH) return OPENING_DATELINE.matcher(page.lines().get(j)).find();
        }
        return false;
    }

    /**
     * One sentence at most, or a phrase with no stop (打完人的郭德纲的“弟子”们): what a caption is. In a text dump no
     * image marks it, and a short line so written over a dateline is read as the picture's words all the same.
     */
    private static boolean oneSentence(String line) {
        String inner = SENTENCE_STOP_AT_END.matcher(line.strip()).replaceFirst("");
        return !SENTENCE_STOP.matcher(inner).find();
    }

    /**
     * A paragraph printed over the reporter's standing byline (感冒斷不了根…, then 記者陳鈞凱／台北報導, then the text)
     * sums the story up: the text is what the byline heads. A credit in brackets after a lead ((張文祿報導)) is a
     * broadcaster's, whose lead is the text's own opening.
     */
    private static boolean overByline(PageText page, LineKind[] kinds, int i, int end) {
        return i + 1 < end && kinds[i + 1] == LineKind.METADATA && STANDING_BYLINE.matcher(TraditionalForms.fold(page.lines().get(i + 1))).find()
                && hasTextAfter(kinds, i + 2, end);
    }

    private static boolean unitAndName(String line) {
        if (!HAN_ONLY.matcher(line).matches()) return false;
        for (int name = 3; name >= 2; name--) {
            if (line.length() < name + 4) continue;
            String unit = line.substring(0, line.length() - name), person = line.substring(line.length() - name);
            // (a department of a unit ends as the department does: 南宁市中医医院党委办公室)
            boolean credited = Fields.unitLike(unit) || Fields.departmentLike(unit.substring(Math.max(0, unit.length() - 7)));
            if (credited && SURNAMED.matcher(person).matches()) return true;
        }
        return false;
    }

    /**
     * A caption the picture's credit stands under on a line of its own (…吸菸量卻顯著增加。 then 報系資料照), with the
     * text going on after them; a picture page's caption with nothing after it is all the text there is.
     */
    private static boolean captionOverCredit(PageText page, LineKind[] kinds, int i, int end) {
        if (page.lines().get(i).length() > CREDITED_CAPTION_LENGTH || i + 2 > end) return false;
        String credit = page.lines().get(i + 1);
        if (credit.length() > STANDING_CREDIT || !CREDITED_CAPTION.matcher(TraditionalForms.fold(credit)).find()) return false;
        for (int j = i + 2; j <= end; j++) {
            if (kinds[j] == LineKind.PARAGRAPH) return page.lines().get(j).length() >= TEXT_AFTER_PICTURE;
        }
        return false;
    }

    /**
     * A deck under the headline sums the story up in two phrases (洋奶粉价格按兵不动 新一轮调价箭在弦上, 相关法规二次征意见，
     * 30天包退换或延至60天) or names a section further down (煥然新"升"GALAXY Tab P6210登場 over the section GALAXY Tab
     * P6210登場): a short line so written, standing over the first paragraph, is not the text. The heading of a text's
     * first section (2024年4月份居民消费价格同比上涨0.3%, then 一、…) is one phrase of its own.
     */
    private static boolean deck(PageText page, LineKind[] kinds, int i, int end) {
        String line = page.lines().get(i).strip();
        // (a chatty opening sentence may end on a tilde: 又是美好的周末，又是可爱的羊和你们相见~)
        if (kinds[i] != LineKind.SHORT || !BodyLocator.headingLike(line) || SENTENCE_END.matcher(line).find() || i + 1 > end || kinds[i + 1] != LineKind.PARAGRAPH) return false;
        if (TWO_PHRASES.matcher(line).matches()) return true;
        for (int j = i + 2; j <= end; j++) {
            String later = page.lines().get(j).strip();
            if (kinds[j] == LineKind.SHORT && later.length() >= DECKED_SECTION && later.length() < line.length() && line.contains(later)) return true;
        }
        return false;
    }

    /**
     * A picture's caption standing after the last paragraph, where templates put the pictures they could not place
     * in the text: marked (▲…, …（圖／翻攝畫面）) or credited (…墬落身亡。王煌忠攝). Never the text's last words.
     */
    static boolean closingCaption(String line) {
        String folded = TraditionalForms.fold(line);
        return line.length() <= CREDITED_CAPTION_LENGTH && (TRIANGLE_OR_PICTURE_CREDIT.matcher(folded).find() || CREDITED_CAPTION.matcher(folded).find());
    }

    /** The title again, whole or with a column tag or the site around it (【新春走基层】…, …_人民网), never a sentence. */
    private static boolean repeatsTitle(String line, String title) {
        if (line.equals(title)) return true;
        if (SENTENCE_END.matcher(line).find()) return false;
        // or the headline a republisher tagged (转载 | …, 【转】…) printed again bare above the text
        return title.length() >= 8 && line.length() <= title.length() + 12 && line.contains(title)
                || line.length() >= 8 && 10 * line.length() >= 6 * title.length() && title.contains(line);
    }

    /**
     * A summary box printing the lead again: the opening line's first words open one of the next few paragraphs, a
     * different one.
     */
    static boolean repeatedLater(PageText page, LineKind[] kinds, int i, int end) {
        String key = compact(page.lines().get(i));
        if (key.length() < 15) return false;
        String head = key.substring(0, 15);
        for (int j = i + 1, seen = 0; j <= end && seen < LEAD_REACH; j++) {
            if (kinds[j] != LineKind.PARAGRAPH) continue;
            seen++;
            // the same paragraph printed again (a page holding its text twice) is no box
            String later = compact(page.lines().get(j));
            if (later.startsWith(head) && !later.equals(key)) return true;
            // or a box quoting the sentences whole from further in, with words of the text around them (今年以来已有8部委…
            // inside …记者粗略统计，今年以来已有8部委…), unless the markup sets them side by side as the text's paragraphs
            if (key.length() >= QUOTED_BOX && later.length() > key.length() && later.contains(key) && !page.sameContainer(i, j)) return true;
        }
        return false;
    }

    private static String compact(String line) {
        return NOT_WORD.matcher(ChineseText.normalize(line)).replaceAll("");
    }

    /**
     * A line that ends as a sentence or a clause does (西方世界的一些反华分子正试图串联起来。) and says nothing of a
     * picture: a lead paragraph under a page's opening image, not the image's caption.
     */
    static boolean sentence(String line) {
        return line.length() >= 8 && SENTENCE_END.matcher(line).find() && !PICTURE.matcher(line).find();
    }

    private static boolean hasTextAfter(LineKind[] kinds, int i, int end) {
        for (int j = i; j <= end; j++) if (kinds[j] == LineKind.PARAGRAPH) return true;
        return false;
    }
}
