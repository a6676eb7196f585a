package dev.herald.ingest.extraction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a page gives its article. A labelled date in the metadata lines first (发布时间：…, or a label on its own
 * line with the date on the next, as table layouts print them), then a date standing in a metadata line, header
 * lines before trailer lines; then a date shown without its year, completed from the article's meta tags; then the
 * meta tags' own date, which content farms carry while showing only 10-08 12:00.
 */
final class PageDates {

    private static final Pattern ADOPTION_NOTE = Pattern.compile(
            "^[（(].{6,110}(通过|公布|发布|印发|施行|修正|修订|批准)[)）]$");
    private static final int ADOPTION_REACH = 6;

    private static final Pattern YEAR_ALONE = Pattern.compile("(19|20)\\d{2}年?");
    private static final Pattern MONTH_DAY_ALONE = Pattern.compile("\\d{1,2}[/.]\\d{1,2}|\\d{1,2}月\\d{1,2}日");
    // an e-paper's page marker (第A03版：要闻, 第03版): the date is printed beside it
    private static final Pattern EDITION = Pattern.compile("第\\s*[A-Za-zＡ-Ｚ]?\\d{1,3}\\s*版");
    private static final int EDITION_LOOK_BACK = 12;
    private static final int EDITION_REACH = 3;
    private static final int DATED_BAR_LOOK_BACK = 8;
    private static final Pattern CLOCK_ALONE = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");
    // a calendar leaf: the day in large type, the year and month under or over it (21 / 2024年02月, 2024-02 / 21)
    private static final Pattern DAY_ALONE = Pattern.compile("0?[1-9]|[12]\\d|3[01]");
    private static final Pattern YEAR_MONTH_ALONE = Pattern.compile("((?:19|20)\\d{2})\\s*(?:年\\s*(\\d{1,2})\\s*月|[-/.](\\d{1,2}))");

    private PageDates() {
    }

    static ExtractedField find(PageText page, List<Integer> metadataLines) {
        List<String> lines = page.lines();
        for (int i : metadataLines) {
            String line = lines.get(i);
            for (Metadata.Labelled l : Metadata.labels(line)) {
                if (l.field() != Metadata.Field.DATE) continue;
                Metadata.FoundDate d = Metadata.date(l.value(), page.monthFirst());
                if (d != null) return new ExtractedField(d.iso(), 0.95, new Span(i, l.start() + d.start(), l.start() + d.end()));
            }
            Metadata.FoundDate d = Metadata.date(line, page.monthFirst());
            if (d != null && d.start() == 0 && i > 0 && loneDateLabel(lines.get(i - 1))) {
                return new ExtractedField(d.iso(), 0.9, new Span(i, d.start(), d.end()));
            }
        }
        for (int i : metadataLines) {
            Metadata.FoundDate d = Metadata.date(lines.get(i), page.monthFirst());
            if (d != null) return new ExtractedField(d.iso(), 0.85, new Span(i, d.start(), d.end()));
        }
        if (page.headDate() == null) return null;
        int year = Integer.parseInt(page.headDate().substring(0, 4));
        for (int i : metadataLines) {
            Metadata.FoundDate d = Metadata.yearlessDate(lines.get(i), year);
            if (d != null) return new ExtractedField(d.iso(), 0.7, new Span(i, d.start(), d.end()));
        }
        return new ExtractedField(page.headDate(), 0.6, null);
    }

    /**
     * A date a template prints in parts, each on a line of its own between the title and the text (2019 / 09/07 /
     * 19:02, as 腾讯新闻's pages of 2019 do): the year alone, then month and day, then perhaps the time; or a calendar
     * leaf, the day alone beside the year and month (21 / 2024年02月), as institutes' and units' sites print it.
     */
    static ExtractedField splitOverLines(PageText page, int from, int to) {
        List<String> lines = page.lines();
        for (int i = Math.max(0, from); i + 1 < Math.min(to, lines.size()); i++) {
            ExtractedField leaf = calendarLeaf(lines.get(i).strip(), lines.get(i + 1).strip(), i);
            if (leaf != null) return leaf;
            String year = lines.get(i).strip();
            if (!YEAR_ALONE.matcher(year).matches() || !MONTH_DAY_ALONE.matcher(lines.get(i + 1).strip()).matches()) continue;
            String clock = i + 2 < Math.min(to, lines.size()) && CLOCK_ALONE.matcher(lines.get(i + 2).strip()).matches() ? " " + lines.get(i + 2).strip() : "";
            Metadata.FoundDate d = Metadata.date(year.substring(0, 4) + "-" + lines.get(i + 1).strip().replaceAll("[/.月]", "-").replace("日", "") + clock);
            if (d != null) return new ExtractedField(d.iso(), 0.8, new Span(i, 0, lines.get(i).length()));
        }
        return null;
    }

    private static ExtractedField calendarLeaf(String first, String second, int line) {
        boolean dayFirst = DAY_ALONE.matcher(first).matches();
        if (!dayFirst && !DAY_ALONE.matcher(second).matches()) return null;
        Matcher ym = YEAR_MONTH_ALONE.matcher(dayFirst ? second : first);
        if (!ym.matches()) return null;
        String month = ym.group(2) != null ? ym.group(2) : ym.group(3);
        Metadata.FoundDate d = Metadata.date(ym.group(1) + "-" + month + "-" + (dayFirst ? first : second));
        return d == null ? null : new ExtractedField(d.iso(), 0.8, new Span(line, 0, first.length()));
    }

    /**
     * An e-paper prints no date with the article: the date stands in the page's header beside the page marker
     * (2021年06月30日 星期三 / 第03版：要闻), some lines above the title. It is the article's date when nothing nearer is.
     */
    static ExtractedField editionDate(PageText page, int titleLine) {
        List<String> lines = page.lines();
        for (int i = titleLine - 1; i >= 0 && i >= titleLine - EDITION_LOOK_BACK; i--) {
            if (lines.get(i).length() > 60 || !EDITION.matcher(lines.get(i)).find()) continue;
            for (int j = Math.max(0, i - EDITION_REACH); j <= i + EDITION_REACH && j < titleLine; j++) {
                Metadata.FoundDate d = lines.get(j).length() <= 60 ? Metadata.date(lines.get(j), page.monthFirst()) : null;
                if (d != null) return new ExtractedField(d.iso(), 0.7, new Span(j, d.start(), d.end()));
            }
            return null;
        }
        return null;
    }

    /**
     * A law's, a resolution's or a regulation's own line under its title says when it was adopted or issued
     * (（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）, （2021年3月1日国务院令第735号公布）): it is the
     * document's date when the page prints no other.
     */
    static ExtractedField adoptionNote(PageText page, int titleLine, int start) {
        List<String> lines = page.lines();
        for (int i = Math.max(0, titleLine + 1); i <= start + 1 && i < lines.size() && i <= titleLine + ADOPTION_REACH; i++) {
            String line = lines.get(i).strip();
            if (line.length() > 120 || !ADOPTION_NOTE.matcher(line).matches()) continue;
            Metadata.FoundDate d = Metadata.date(line);
            if (d != null && d.start() <= 2) return new ExtractedField(d.iso(), 0.7, new Span(i, lines.get(i).indexOf(line) + d.start(), lines.get(i).indexOf(line) + d.end()));
        }
        return null;
    }

    /**
     * A paper's instant news prints only the minute by its headline (春遊避免接觸禽鳥 蛋肉煮熟吃 【10:25】) and the day in
     * the dated bar a few lines above, past its section menu (自由電子報 > 即時新聞總覽 > 即時新聞 2012年1月17日‧星期二): that
     * day is the article's when nothing nearer is. Text between them means the bar belongs to something else.
     */
    static ExtractedField datedBarAbove(PageText page, LineKind[] kinds, int titleLine) {
        List<String> lines = page.lines();
        for (int i = titleLine - 1; i >= 0 && i >= titleLine - DATED_BAR_LOOK_BACK; i--) {
            if (kinds[i] == LineKind.PARAGRAPH) return null;
            if (kinds[i] != LineKind.METADATA || lines.get(i).length() > 60) continue;
            Metadata.FoundDate d = Metadata.date(lines.get(i), page.monthFirst());
            if (d != null) return new ExtractedField(d.iso(), 0.6, new Span(i, d.start(), d.end()));
        }
        return null;
    }

    /** 发布日期： alone on its line, its value on the next (成文日期： is no publication date). */
    private static boolean loneDateLabel(String line) {
        List<Metadata.Labelled> labels = Metadata.labels(line);
        return labels.size() == 1 && labels.get(0).field() == Metadata.Field.DATE && labels.get(0).value().isEmpty();
    }
}
