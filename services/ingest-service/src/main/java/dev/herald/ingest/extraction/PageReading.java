package dev.herald.ingest.extraction;

import dev.herald.text.ChineseText;
import dev.herald.text.FoldedText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One page being read: finds the body, then the title above it, then the metadata around both. */
final class PageReading {

    // (an agency may stamp its story's day after it, in the Minguo calendar: …（編輯：蘇龍麒）1120221)
    private static final Pattern TRAILING_BYLINE = Pattern.compile("[（(]\\s*([^()（）]{2,60})[)）]\\s*(\\d{6,7})?\\s*$");
    // the dateline before a reporter's bracket may be long when it names the agency, the place and the day
    // (据新华社北京12月28日电（记者 张三）, 中新网乌鲁木齐7月11日电 (记者戚亚平))
    // (Taiwan's papers open the text with the byline in tortoise-shell brackets: 〔記者巫其倫／台北報導〕)
    // (or in black lenticular brackets, as 蘋果日報 and 聯合新聞網 print it: 【林媛玲╱新北報導】, 【台灣新生報／記者蘇湘雲／台北報導】)
    // (or a portal's: 网易娱乐1月17日报道 (文/小易))
    private static final Pattern LEADING_BYLINE = Pattern.compile("^(?:[^（(〔【]{0,12}|[^（(〔【]{0,28}?(?:电|讯|消息|\\d日报道)[\\s\\u3000]*)[（(〔【]([^()（）〔〕【】]{2,40})[)）〕】]");
    // or the byline runs on without brackets, names set apart by spaces: 本报讯 记者 王敬照 通讯员 李四 6月3日上午，…
    private static final Pattern LEADING_BARE_BYLINE = Pattern.compile("^(?:本报|本台|本网|本站|本刊)?讯?[\\s\\u3000]*("
            + "(?:(?:记者|通讯员|实习生)[\\s\\u3000]*\\p{IsHan}{2,4}(?:[\\s\\u3000、]+\\p{IsHan}{2,4})*?[\\s\\u3000]+)+)(?=\\S)");
    // or the reporter is named in a dateline without brackets: 东方网记者曹磊5月13日报道：…, 本报记者张三报道：…
    // (several of them, after the site's 讯: 大江网讯 实习生吴梦丽、记者喻云亮报道：…)
    private static final Pattern DATELINE_BYLINE = Pattern.compile("^[^，。：:（(\\s]{0,12}?(?:讯[\\s\\u3000]+)?"
            + "((?:(?:记者|通讯员|实习生)[\\s\\u3000]*\\p{IsHan}{2,3}?[、，,\\s\\u3000]*?)+?)[\\s\\u3000]*"
            + "(?:\\d{1,2}月\\d{1,2}日)?(?:电|讯|报道|消息)[:：\\s]");
    // or the agency a relayed story is credited to, where the byline goes (〔中央社〕春節連假，…)
    private static final Pattern AGENCY = Pattern.compile("中央社|新[华華]社|中新社|法新社|美联社|路透社|共同社|[韩韓]联社|德新社");
    // the writer signing the last paragraph after its last sentence (…我把这些货卖给谁呢？”文/包文臻): the credit is read, the
    // words stay the paragraph's, as the closing brackets' do
    private static final Pattern SIGNED_LAST = Pattern.compile("(?<=[。！？!?”\"」』])[\\s\\u3000]*((?:文|撰文|图文)[/／][\\s\\u3000]*\\p{IsHan}{2,4})$");
    private static final Pattern POSTED_AT = Pattern.compile("[\\s\\u3000]*[【\\[（(]\\d{1,2}[:：]\\d{2}[】\\]）)]$");
    // a portal's editor signing the page off in square brackets, past the related links ([责任编辑：ritafan])
    private static final Pattern SIGNED_OFF = Pattern.compile("^[\\[【]\\s*责任编辑[:：]\\s*[^\\[\\]【】]{1,24}[\\]】](?:$|[\\s\\u3000]+标签[:：])");
    private static final Pattern STANDALONE_DATELINE = Pattern.compile("^[^，。：:（(\\s]{1,16}?(?:\\d{1,2}月\\d{1,2}日)?(?:讯|訊|电|電)[\\s\\u3000]*"
            + "[（(](?:记者|記者|通讯员|通訊員)[^()（）]{2,36}[)）]$");
    // (a site's dateline as well: 中国网1月17日讯（王文举）)
    private static final Pattern AGENCY_DATELINE = Pattern.compile("\\d{1,2}日[电讯]\\s*$");
    // a site's or a paper's dateline with no day, its reporter in the bracket after it: 腾讯科技讯（郭晓峰）, 本报讯 （记者 陈鑫）
    private static final Pattern SITE_NEWS = Pattern.compile("^[\\p{IsHan}A-Za-z0-9]{2,12}讯\\s*$");
    private static final Pattern DATELINE_LINE = Pattern.compile("[\\p{IsHan}A-Za-z0-9]{2,16}?(?:讯|訊|电|電|消息)");
    private static final int BYLINE_REACH = 80;
    private static final int HEADER_LOOK_BACK = 4;
    private static final int DISCLOSURE_LOOK_BACK = 24;
    private static final Pattern INDEX_NUMBER = Pattern.compile("[\\s\\u3000]*索[\\s\\u3000]*引[\\s\\u3000]*号");
    private static final int HEADLINE_REACH = TitleLocator.HEADER_REACH;
    private static final int UNDER_HEADLINE_SHARE = 5;
    private static final int FLOATED_BOX = 12;
    private static final Pattern MORE = Pattern.compile("(?i)更多|more|更多\\s*(>>|»|>|›)");
    private static final int TRAILER_LINES = 12;
    private static final int LABELLED_TRAILER_LINES = 24;
    private static final int CREDITS_REACH = 64;
    private static final java.util.Set<String> PRODUCTION_ROLES = java.util.Set.of("策划", "出品", "统筹", "监制");

    private final PageText page;
    private final List<String> lines;
    private final KnownNames registry;
    private final PageLabels labels;
    private final List<Removed> removed = new ArrayList<>();

    PageReading(PageText page, KnownNames registry) {
        this.page = page;
        this.lines = page.lines();
        this.registry = registry;
        this.labels = new PageLabels(page, registry);
    }

    Extraction read() {
        LineClassifier.Result classes = LineClassifier.classify(page);
        LineKind[] kinds = classes.kinds();
        // a report's own list, which the body's search weighs as nothing and the body keeps whole
        boolean[] listItems = BodyLocator.listItems(page, kinds);
        BodyLocator.Window window = underHeadline(kinds, listItems, BodyLocator.locate(page, kinds, listItems));
        if (window == null) {
            return Extraction.empty(lines);
        }
        window = overFloatedBox(kinds, window);
        TitleLocator.Title title = TitleLocator.locate(page, kinds, window.start(), sample(window, kinds));
        int titleLine = title == null ? -1 : title.line();
        int start = titleLine >= window.start() ? titleLine + 1 : window.start();
        // a dateline set as a line of its own right under the metadata (观点地产网讯, 本报截稿消息) opens the text
        if (start - 1 > titleLine && kinds[start - 1] == LineKind.SHORT && DATELINE_LINE.matcher(lines.get(start - 1).strip()).matches()
                && !page.linkAt(start - 1) && start - 2 >= 0 && kinds[start - 2] == LineKind.METADATA) {
            start--;
        }
        start = BodyOpening.firstLine(page, kinds, start, window.end(), title == null ? null : title.text());
        // a paper's dateline and byline printed as a paragraph of their own over the first (本报讯 （记者 陈鑫）) open
        // the text, as they do run into it
        if (start - 1 > titleLine && STANDALONE_DATELINE.matcher(lines.get(start - 1).strip()).matches()) {
            start--;
            kinds[start] = LineKind.PARAGRAPH;
        }

        List<Integer> metadataLines = new ArrayList<>();
        int headerFrom = titleLine >= 0 ? titleLine + 1 : Math.max(0, start - 15);
        for (int i = headerFrom; i < start; i++) if (kinds[i] == LineKind.METADATA) metadataLines.add(i);
        metadataLines.addAll(aboveTitle(kinds, titleLine));
        for (int i : disclosureTable(kinds, titleLine)) if (!metadataLines.contains(i)) metadataLines.add(i);

        StringBuilder body = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        Set<Integer> inBody = new HashSet<>();
        List<int[]> inlineBylines = new ArrayList<>(); // line, start, end of bylines inside paragraphs
        ExtractedField closedBy = null;
        boolean first = true;
        int textLines = 0;
        for (int i = start; i <= window.end(); i++) {
            // a list's telephone line (游客咨询电话：58792888) reads as a page's contact footer, but an item of the list
            boolean listed = kinds[i] == LineKind.FOOTER && listItems[i] && i > start;
            if (kinds[i] != LineKind.PARAGRAPH && kinds[i] != LineKind.SHORT && !listed) {
                metadataLines.add(i);
                continue;
            }
            String text = lines.get(i);
            int offset = Math.max(0, text.length() - 80);
            Matcher trailing = TRAILING_BYLINE.matcher(text.substring(offset));
            // a dateline standing as the first paragraph keeps its byline, which the leading bracket reads below
            boolean bracketed = !(first && STANDALONE_DATELINE.matcher(text.strip()).matches()) && trailing.find();
            boolean labelled = bracketed && PageLabels.isByline(trailing.group(1));
            // bare names close only the last paragraph: elsewhere a bracket of two to four characters is anything
            boolean closing = bracketed && !labelled && i == window.end();
            // (a station closes its lead so and goes on with the details: …開到年初七。（陳奕華報導）, 報導 says it is a byline)
            boolean reported = bracketed && !labelled && Bylines.reportingCredit(trailing.group(1));
            boolean names = (closing || reported) && Bylines.bracketedNames(trailing.group().strip()) != null;
            // so does the unit that wrote it, as government sites print their contributors: ...位列三县两区第一。（德清县发改局）
            boolean unit = closing && !names && closingUnit(trailing.group(1).strip());
            if (unit) {
                closedBy = new ExtractedField(trailing.group(1).strip(), 0.5, new Span(i, offset + trailing.start(1), offset + trailing.end(1)));
            }
            if (labelled || names || unit) {
                int from = names ? trailing.start() : trailing.start(1), to = names ? trailing.end(1) + 1 : trailing.end(1);
                if (!unit) inlineBylines.add(new int[]{i, offset + from, offset + to});
                removed.add(new Removed(i, i, "metadata", text.substring(offset + trailing.start())));
                text = PageReader.strip(text.substring(0, offset + trailing.start()));
            }
            Matcher signed = SIGNED_LAST.matcher(text);
            if (!bracketed && i == window.end() && signed.find()) inlineBylines.add(new int[]{i, signed.start(1), signed.end(1)});
            if (first) {
                Matcher leading = LEADING_BYLINE.matcher(text);
                // a byline is in the first words; looking no further keeps a pathological line cheap
                Matcher bare = LEADING_BARE_BYLINE.matcher(text.substring(0, Math.min(text.length(), BYLINE_REACH)));
                if (leading.find() && (!Metadata.labels(leading.group(1)).isEmpty() || Bylines.desk(leading.group(1)) != null
                        || text.charAt(0) == '【' && Bylines.reportingCredit(leading.group(1)))) {
                    inlineBylines.add(0, new int[]{i, leading.start(1), leading.end(1)});
                    // the paper's own name glued before its reporter (【台灣醒報記者李宛儒台北報導】) is its dateline, and a
                    // dateline opens the text as 本报讯 does; a credit alone (【林媛玲╱新北報導】) does not
                    if (!papersDateline(leading.group(1))) text = withoutOpeningBracket(i, text, leading);
                } else if (leading.find(0) && AGENCY.matcher(TraditionalForms.fold(leading.group(1))).matches()) {
                    // the agency's credit names no writer; in tortoise-shell brackets it is no part of the text either
                    text = withoutOpeningBracket(i, text, leading);
                } else if (leading.find(0) && datelineBefore(beforeBracket(text, leading))
                        && Bylines.bracketedNames(text.substring(leading.start(1) - 1, leading.end(1) + 1)) != null) {
                    // an agency's dateline names its reporters in the bracket without a role: 新华社北京5月19日电（刘艺、杨吉）,
                    // as a site's does with no date: 腾讯科技讯（郭晓峰）
                    inlineBylines.add(0, new int[]{i, leading.start(1) - 1, leading.end(1) + 1});
                } else if (text.length() > 40 && bare.find()) {
                    inlineBylines.add(0, new int[]{i, bare.start(1), bare.end(1)});
                } else {
                    Matcher dateline = DATELINE_BYLINE.matcher(TraditionalForms.fold(text.substring(0, Math.min(text.length(), BYLINE_REACH))));
                    if (text.length() > 40 && dateline.find()) inlineBylines.add(0, new int[]{i, dateline.start(1), dateline.end(1)});
                }
            } else if (textLines == 1) {
                // a picture's caption may stand first, repeating the lead; the text then opens with the byline
                // (〔記者巫其倫／台北報導〕財政部今天…), a labelled one only
                Matcher leading = LEADING_BYLINE.matcher(text);
                boolean found = leading.find();
                List<Metadata.Labelled> credited = found ? Metadata.labels(leading.group(1)) : List.of();
                boolean labelledCredit = !credited.isEmpty() && credited.get(0).labelStart() == 0;
                if (found && leading.start(1) == 1 && (labelledCredit || Bylines.desk(leading.group(1)) != null)) {
                    inlineBylines.add(new int[]{i, leading.start(1), leading.end(1)});
                    text = withoutOpeningBracket(i, text, leading);
                } else if (labelledCredit && datelineBefore(beforeBracket(text, leading))) {
                    // or a lead printed over the report, which opens on the paper's dateline and byline: 本報訊 (記者劉立春)…
                    inlineBylines.add(new int[]{i, leading.start(1), leading.end(1)});
                }
            }
            inBody.add(i); // accounted for, even when all it held was a byline reported above
            if (text.isEmpty()) continue;
            first = false;
            textLines++;
            if (kinds[i] == LineKind.SHORT && BodyLocator.headingLike(text) && nextIsProse(kinds, i, window.end())) {
                sections.add(new Section(text, body.isEmpty() ? 0 : body.length() + 1));
            }
            if (!body.isEmpty()) {
                // a line the page broke at its fixed width goes on in this one: one paragraph, with a space only
                // between two Latin words
                boolean runOn = i > 0 && classes.runsOn()[i - 1] && inBody.contains(i - 1);
                if (!runOn) body.append('\n');
                else if (Character.isLetterOrDigit(body.charAt(body.length() - 1)) && body.charAt(body.length() - 1) < 128
                        && Character.isLetterOrDigit(text.charAt(0)) && text.charAt(0) < 128) body.append(' ');
            }
            body.append(text);
        }
        boolean pastMore = false;
        for (int i = window.end() + 1; i < lines.size() && i <= window.end() + CREDITS_REACH; i++) {
            // a sidebar's "more" link (強打好書, 更多, then a book and 作者：裴鈺) opens boxes of other pieces: their credits
            // are theirs, however the page was saved
            if (MORE.matcher(lines.get(i).strip()).matches()) pastMore = true;
            if (pastMore) continue;
            // further down, past an app promo or a box of links, only a line that says what it holds is the article's;
            // past the writer's profile and the column's other pieces, only the column's production credits
            // past the article's own trailer, a credit right under a linked heading (a recommended book's title, then
            // 作者：裴鈺) is the linked piece's
            if (i > window.end() + TRAILER_LINES && page.linkAt(i - 1) && page.headingAt(i - 1)) continue;
            if (kinds[i] == LineKind.METADATA && (i <= window.end() + TRAILER_LINES || (i <= window.end() + LABELLED_TRAILER_LINES
                    ? creditLine(lines.get(i)) : productionCredits(lines.get(i)) || SIGNED_OFF.matcher(TraditionalForms.fold(lines.get(i).strip())).lookingAt()))) {
                metadataLines.add(i);
            }
        }

        readTitle(title, kinds, start);
        int signatureAt = signatureUnder(kinds, window.end());
        for (int i : metadataLines) labels.readLabels(i, lines.get(i), 0, lines.get(i).length());
        for (int[] b : inlineBylines) labels.readLabels(b[0], lines.get(b[0]), b[1], b[2]);
        if (signatureAt >= 0) labels.unitCandidate(new ExtractedField(lines.get(signatureAt), 0.6, new Span(signatureAt, 0, lines.get(signatureAt).length())));
        ExtractedField date = PageDates.find(page, metadataLines);
        // a date printed in parts between the title and the text is the article's; one found under the text, or only
        // in the meta tags, may be a related item's or the template's
        if (date == null || date.span() == null || date.span().line() > start) {
            ExtractedField split = PageDates.splitOverLines(page, titleLine >= 0 ? titleLine + 1 : Math.max(0, start - 15), start);
            if (split != null) date = split;
        }
        if (date == null) date = PageDates.editionDate(page, titleLine >= 0 ? titleLine : start);
        if (date == null && titleLine >= 0) date = PageDates.adoptionNote(page, titleLine, start);
        if (date == null && titleLine >= 0) date = PageDates.datedBarAbove(page, kinds, titleLine);
        if (date != null) labels.put("date", date.value(), date.confidence(), date.span());
        for (int i : metadataLines) labels.readBracketedName(i, lines.get(i));
        labels.closePeople();
        if (closedBy != null) labels.put("author", closedBy.value(), closedBy.confidence(), closedBy.span());
        labels.dropWeChatAccountFromAuthor(Math.max(0, titleLine), start);
        labels.readUnlabelledByline(kinds, titleLine, start);
        labels.readNamesUnderHeadline(kinds, titleLine, start);
        labels.readMarkedWriter(titleLine, start);
        labels.readOpinionWriter(titleLine, window.end() >= start ? lines.get(window.end()) : null);
        labels.readWeChatWriter(kinds, titleLine, start);
        labels.readWeChatAccount(kinds, titleLine, start);
        labels.readFollowedAccount(kinds, titleLine, start);
        labels.readUnlabelledSite(kinds, titleLine, start);
        ExtractedField unit = contributingUnit(body.toString());
        ExtractedField channel = ChannelGuesser.fromTrail(registry, classes.crumbs(), 0.9);
        if (channel == null) channel = ChannelGuesser.fromTrail(registry, classes.columns(), 0.9);
        if (channel == null) {
            channel = ChannelGuesser.fromContent(registry, labels.field("title") == null ? "" : labels.field("title").value(), body.toString());
        }
        reportRemoved(kinds, inBody, titleLine, start);
        return new Extraction(lines, labels.field("title"), labels.field("subtitle"), labels.field("date"), labels.field("site"),
                labels.field("author"), labels.field("editor"), labels.field("contributor"), unit, channel,
                body.toString(), sections, removed);
    }

    /**
     * Taiwan's papers print the byline in tortoise-shell brackets where the dateline goes (〔記者巫其倫／台北報導〕財政部…):
     * it is the byline, and the text opens after it. A byline in round brackets after 本报讯 stays the paragraph's.
     */
    private static boolean papersDateline(String credit) {
        List<Metadata.Labelled> labels = Metadata.labels(credit);
        if (labels.isEmpty() || labels.get(0).labelStart() == 0) return false;
        String head = credit.substring(0, labels.get(0).labelStart());
        return head.equals(head.strip()) && Fields.siteLike(head);
    }

    private String withoutOpeningBracket(int i, String text, Matcher leading) {
        if (text.charAt(0) != '〔' && text.charAt(0) != '【' || leading.start(1) != 1 || leading.end() >= text.length()) return text;
        removed.add(new Removed(i, i, "metadata", text.substring(0, leading.end())));
        return PageReader.strip(text.substring(leading.end()));
    }

    /**
     * Metadata printed above the title: a date or source line, or the whole header of a reprint that repeats its
     * title under it (title, metadata, share bar, kicker, title again). Read up to the trail or the menu.
     */
    private static String beforeBracket(String text, Matcher bracket) {
        return text.substring(0, bracket.start(1) - 1);
    }

    /**
     * Whether what stands before a byline's bracket is a report's dateline: an agency's, its day in any digits
     * (新华网长春１２月９日电), or a site's or paper's without one (腾讯科技讯, 本報訊).
     */
    private static boolean datelineBefore(String prefix) {
        String folded = TraditionalForms.fold(ChineseText.normalize(prefix));
        return AGENCY_DATELINE.matcher(folded).find() || SITE_NEWS.matcher(folded).matches();
    }

    private static List<Integer> aboveTitle(LineKind[] kinds, int titleLine) {
        List<Integer> found = new ArrayList<>();
        for (int i = titleLine - 1, seen = 0; i >= 0 && seen < HEADER_LOOK_BACK; i--) {
            LineKind k = kinds[i];
            if (k == LineKind.METADATA) found.add(0, i);
            else if (k != LineKind.SHARE && k != LineKind.SHORT && k != LineKind.SUBTITLE) break;
            if (k != LineKind.SHARE) seen++;
        }
        return found;
    }

    /**
     * A government site's information-disclosure table printed above the title (索 引 号： / 生成日期： / 发布机构：, a
     * label to a line and its value on the next) describes the item under it: its lines are the item's metadata, however
     * far above the title the table begins.
     */
    private List<Integer> disclosureTable(LineKind[] kinds, int titleLine) {
        List<Integer> found = new ArrayList<>();
        for (int i = titleLine - 1; i >= 0 && i >= titleLine - DISCLOSURE_LOOK_BACK; i--) {
            if (!INDEX_NUMBER.matcher(lines.get(i)).lookingAt()) continue;
            for (int j = i; j < titleLine; j++) if (kinds[j] == LineKind.METADATA) found.add(j);
            break;
        }
        return found;
    }

    /** A line naming the article's source, writer or editor by label: 本文来源：投资快报 作者：孙宁 责任编辑：NF041. */
    private static boolean creditLine(String line) {
        return Metadata.labels(line).stream().anyMatch(l -> !l.value().isEmpty() && (l.field() == Metadata.Field.SOURCE
                || l.field() == Metadata.Field.AUTHOR || l.field() == Metadata.Field.EDITOR));
    }

    /**
     * A column's production credits (策划：杨顺霖 编辑：几乎不流浪, under 出品：…), printed once at the foot of the page,
     * below the writer's profile and the column's other pieces: an editor beside another production role on one line.
     */
    private static boolean productionCredits(String line) {
        List<Metadata.Labelled> labels = Metadata.labels(line);
        return labels.stream().anyMatch(l -> l.field() == Metadata.Field.EDITOR && !l.value().isEmpty())
                && labels.stream().anyMatch(l -> PRODUCTION_ROLES.contains(l.label()));
    }

    /** A unit's or a department's name, alone in the bracket that closes the text. */
    private static boolean closingUnit(String inner) {
        return inner.length() <= 20 && inner.matches("\\p{IsHan}+") && !Fields.siteLike(inner)
                && (Fields.unitLike(inner) || Fields.departmentLike(inner));
    }

    /** A notice signs off with its unit (中共南宁市中医医院委员会) on a short line right under the text. */
    private int signatureUnder(LineKind[] kinds, int end) {
        for (int i = end + 1; i < lines.size() && i <= end + 2; i++) {
            if (kinds[i] == LineKind.SHORT && lines.get(i).length() <= 30 && registry.findIn(lines.get(i)) != null) return i;
        }
        return -1;
    }

    /**
     * The prose under the headline the page's head names, when the heaviest block lies elsewhere (a longer story
     * after it, the comments, a column beside it) and the text under the headline still weighs a share of it.
     */
    private BodyLocator.Window underHeadline(LineKind[] kinds, boolean[] listItems, BodyLocator.Window best) {
        if (best == null) return null;
        int headline = TitleLocator.headlineNamedByHead(page, kinds);
        if (headline < 0) headline = TitleLocator.headlineOverPublicationLine(page, kinds);
        if (headline < 0) return best;
        if (best.start() <= headline || best.start() > headline + HEADLINE_REACH) {
            BodyLocator.Window under = BodyLocator.locate(page, kinds, listItems, headline + 1, headline + HEADLINE_REACH, kinds.length);
            if (under != null && under.weight() * UNDER_HEADLINE_SHARE >= best.weight()) return under;
        }
        // however short the item, a heavier block the markup marks as another's (a feed of recommended posts) is not its
        // text: the item's own is what stands between the headline and where that markup begins
        if (!markedChrome(best, kinds)) return best;
        int feed = headline + 1;
        while (feed < best.start() && !marked(feed)) feed++;
        BodyLocator.Window own = BodyLocator.locate(page, kinds, listItems, headline + 1, headline + HEADLINE_REACH, feed);
        return own != null && !markedChrome(own, kinds) ? own : best;
    }

    /**
     * A box of linked headlines a portal floats inside the text after its first paragraphs (和讯's 推荐阅读) costs more
     * than those paragraphs weigh, so the heaviest run begins under the box; the text began above it, right under the
     * date line, and goes on under it in the same element (a box between two elements is a page's, not the text's).
     */
    private BodyLocator.Window overFloatedBox(LineKind[] kinds, BodyLocator.Window window) {
        int i = window.start() - 1, box = 0;
        for (; i >= 0 && kinds[i] == LineKind.RECOMMENDATIONS; i--) box++;
        if (box == 0 || box > FLOATED_BOX || i < 0 || !page.sameContainer(i, window.start())) return window;
        int paragraphs = 0, above = i;
        for (; i >= 0 && (kinds[i] == LineKind.PARAGRAPH || kinds[i] == LineKind.SHORT); i--) {
            if (kinds[i] == LineKind.PARAGRAPH) paragraphs++;
        }
        if (paragraphs == 0 || i < 0 || kinds[i] != LineKind.METADATA || above - i > FLOATED_BOX) return window;
        return new BodyLocator.Window(i + 1, window.end(), window.weight());
    }

    private boolean marked(int line) {
        String chrome = page.chromeOf(line);
        return chrome != null && !PageReader.neverOpens(chrome);
    }

    /** Most of the window's prose stands inside an element whose class or id says chrome (related, recommend, footer…). */
    private boolean markedChrome(BodyLocator.Window window, LineKind[] kinds) {
        int prose = 0, marked = 0;
        for (int i = window.start(); i <= window.end(); i++) {
            if (kinds[i] != LineKind.PARAGRAPH) continue;
            prose++;
            if (marked(i)) marked++;
        }
        return prose > 0 && marked * 2 > prose;
    }

    private String sample(BodyLocator.Window window, LineKind[] kinds) {
        StringBuilder s = new StringBuilder();
        for (int i = window.start(); i <= window.end() && s.length() < 3000; i++) {
            if (kinds[i] == LineKind.PARAGRAPH) s.append(lines.get(i));
        }
        return s.toString();
    }

    private static boolean nextIsProse(LineKind[] kinds, int i, int end) {
        for (int j = i + 1; j <= end; j++) {
            if (kinds[j] == LineKind.PARAGRAPH) return true;
            if (kinds[j] == LineKind.SHORT) return false;
        }
        return false;
    }

    private void readTitle(TitleLocator.Title title, LineKind[] kinds, int start) {
        if (title == null) return;
        // an instant-news headline carries the minute it was posted (春遊避免接觸禽鳥 蛋肉煮熟吃 【10:25】): not its words
        String text = POSTED_AT.matcher(title.text()).replaceFirst("");
        int end = Math.max(0, title.end() - (title.text().length() - text.length()));
        // nor is the mark a template sets before it (》年節食品抽查…, ▶…)
        int from = TitleLocator.decorationEnd(text);
        labels.put("title", text.substring(from), 0.9, new Span(title.line(), Math.min(from, end), end));
        if (title.site() != null) labels.put("site", title.site(), 0.8, new Span(title.line(), title.siteStart(), lines.get(title.line()).length()));
        for (int i = title.line() + 1; i < start && i <= title.line() + 4; i++) {
            if (kinds[i] == LineKind.SUBTITLE) {
                String line = lines.get(i);
                int s = 0;
                while (s < line.length() && "—-－ ".indexOf(line.charAt(s)) >= 0) s++;
                labels.put("subtitle", line.substring(s), 0.85, new Span(i, s, line.length()));
                break;
            }
        }
    }

    /** Explicit mentions first (供稿单位, 来源, a byline that is a unit's account), then the subtitle, title and body. */
    private ExtractedField contributingUnit(String body) {
        for (ExtractedField c : labels.unitCandidates()) {
            UnitName u = registry.unitFor(c.value());
            if (u != null) return new ExtractedField(u.name(), c.confidence(), c.span());
            KnownNames.Mention m = registry.findIn(c.value());
            if (m != null) return new ExtractedField(m.unit().name(), c.confidence() * 0.9, shift(c.span(), m));
        }
        for (String field : List.of("subtitle", "title")) {
            ExtractedField f = labels.field(field);
            KnownNames.Mention m = f == null ? null : registry.findIn(f.value());
            if (m != null) return new ExtractedField(m.unit().name(), field.equals("subtitle") ? 0.75 : 0.7, shift(f.span(), m));
        }
        if (!labels.unitCandidates().isEmpty() && Fields.unitLike(labels.unitCandidates().get(0).value())) {
            ExtractedField c = labels.unitCandidates().get(0);
            return new ExtractedField(c.value(), c.confidence() * 0.8, c.span());
        }
        Map<UnitName, Integer> counts = registry.countIn(FoldedText.fold(body));
        var ranked = counts.entrySet().stream().sorted(Map.Entry.<UnitName, Integer>comparingByValue().reversed()).toList();
        if (!ranked.isEmpty() && ranked.get(0).getValue() >= 2 && (ranked.size() == 1 || ranked.get(1).getValue() * 2 <= ranked.get(0).getValue())) {
            return new ExtractedField(ranked.get(0).getKey().name(), 0.5, null);
        }
        return null;
    }

    private static Span shift(Span within, KnownNames.Mention m) {
        return within == null ? null : new Span(within.line(), within.start() + m.start(), within.start() + m.end());
    }

    /** Every line left out of the body, runs of one kind reported together. */
    private void reportRemoved(LineKind[] kinds, Set<Integer> inBody, int titleLine, int start) {
        Set<String> seenBefore = new HashSet<>();
        for (int i = 0; i < start && i < lines.size(); i++) if (lines.get(i).length() <= 40) seenBefore.add(ChineseText.normalize(lines.get(i)));
        String titleKey = titleLine < 0 ? null : ChineseText.normalize(lines.get(titleLine));
        int runStart = -1;
        String runKind = null;
        for (int i = 0; i <= lines.size(); i++) {
            String kind = i == lines.size() || inBody.contains(i) ? null : kindOfRemoved(kinds, i, titleLine, start, seenBefore, titleKey);
            if (runKind != null && !runKind.equals(kind)) {
                removed.add(new Removed(runStart, i - 1, runKind, String.join("\n", lines.subList(runStart, i))));
                runKind = null;
            }
            if (kind != null && runKind == null) {
                runKind = kind;
                runStart = i;
            }
        }
        removed.sort(Comparator.comparingInt(Removed::fromLine));
    }

    private String kindOfRemoved(LineKind[] kinds, int i, int titleLine, int start, Set<String> seenBefore, String titleKey) {
        if (kinds[i].removal != null) return kinds[i].removal;
        if (i == titleLine) return "metadata";
        if (i < start) return i < titleLine || titleLine < 0 ? "navigation" : "metadata";
        String key = ChineseText.normalize(lines.get(i));
        if (key.equals(titleKey)) return "other";
        if (seenBefore.contains(key)) return "navigation";
        return i < start ? "other" : "footer";
    }
}
