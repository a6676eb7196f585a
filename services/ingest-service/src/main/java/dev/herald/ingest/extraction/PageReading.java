package dev.herald.ingest.extraction;

import dev.herald.text.ChineseText;
import dev.herald.text.FoldedText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One page being read: finds the body, then the title above it, then the metadata around both. */
final class PageReading {

    private static final Pattern TRAILING_BYLINE = Pattern.compile("[（(]\\s*([^()（）]{2,60})[)）]\\s*$");
    private static final Pattern LEADING_BYLINE = Pattern.compile("^[^（(]{0,12}[（(]([^()（）]{2,40})[)）]");
    private static final Pattern GIVEN_BY = Pattern.compile("^(.{2,50}?)\\s*(供稿|报送|撰稿|供图)$");
    private static final int HEADER_LOOK_BACK = 4;
    private static final int SITE_LOOK_BACK = 3;
    private static final int TRAILER_LINES = 12;

    private final PageText page;
    private final List<String> lines;
    private final KnownNames registry;
    private final Map<String, ExtractedField> fields = new LinkedHashMap<>();
    private final List<ExtractedField> unitCandidates = new ArrayList<>();
    private final List<Removed> removed = new ArrayList<>();
    // a byline may credit people on several lines (本报实习生 …, 本报记者 …; 编辑 …, 责任编辑 …): all of them count
    private final List<ExtractedField> authors = new ArrayList<>();
    private final List<ExtractedField> editors = new ArrayList<>();

    PageReading(PageText page, KnownNames registry) {
        this.page = page;
        this.lines = page.lines();
        this.registry = registry;
    }

    Extraction read() {
        LineClassifier.Result classes = LineClassifier.classify(page);
        LineKind[] kinds = classes.kinds();
        BodyLocator.Window window = BodyLocator.locate(lines, kinds);
        if (window == null) {
            return Extraction.empty(lines);
        }
        TitleLocator.Title title = TitleLocator.locate(page, kinds, window.start(), sample(window, kinds));
        int titleLine = title == null ? -1 : title.line();
        int start = titleLine >= window.start() ? titleLine + 1 : window.start();
        // a multi-story page may open its first story's title right under the metadata: it is a section, not chrome
        if (start - 1 > titleLine && kinds[start - 1] == LineKind.SHORT && BodyLocator.headingLike(lines.get(start - 1))
                && !TitleLocator.nameOrSite(lines.get(start - 1)) && !page.linkAt(start - 1) && hanCount(lines.get(start - 1)) >= 4
                && start - 2 >= 0 && kinds[start - 2] == LineKind.METADATA) {
            start--;
        }
        start = BodyOpening.firstLine(page, kinds, start, window.end(), title == null ? null : title.text());

        List<Integer> metadataLines = new ArrayList<>();
        int headerFrom = titleLine >= 0 ? titleLine + 1 : Math.max(0, start - 15);
        for (int i = headerFrom; i < start; i++) if (kinds[i] == LineKind.METADATA) metadataLines.add(i);
        metadataLines.addAll(aboveTitle(kinds, titleLine));

        StringBuilder body = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        Set<Integer> inBody = new HashSet<>();
        List<int[]> inlineBylines = new ArrayList<>(); // line, start, end of bylines inside paragraphs
        boolean first = true;
        for (int i = start; i <= window.end(); i++) {
            if (kinds[i] != LineKind.PARAGRAPH && kinds[i] != LineKind.SHORT) {
                metadataLines.add(i);
                continue;
            }
            String text = lines.get(i);
            Matcher trailing = TRAILING_BYLINE.matcher(text.length() > 80 ? text.substring(text.length() - 80) : text);
            boolean labelled = trailing.find() && isByline(trailing.group(1));
            // bare names close only the last paragraph: elsewhere a bracket of two to four characters is anything
            boolean names = !labelled && i == window.end() && trailing.find(0)
                    && Bylines.bracketedNames(trailing.group().strip()) != null;
            if (labelled || names) {
                int offset = Math.max(0, text.length() - 80);
                int from = names ? trailing.start() : trailing.start(1), to = names ? trailing.end(1) + 1 : trailing.end(1);
                inlineBylines.add(new int[]{i, offset + from, offset + to});
                removed.add(new Removed(i, i, "metadata", text.substring(offset + trailing.start())));
                text = PageReader.strip(text.substring(0, offset + trailing.start()));
            }
            if (first) {
                Matcher leading = LEADING_BYLINE.matcher(text);
                if (leading.find() && !Metadata.labels(leading.group(1)).isEmpty()) {
                    inlineBylines.add(0, new int[]{i, leading.start(1), leading.end(1)});
                }
            }
            inBody.add(i); // accounted for, even when all it held was a byline reported above
            if (text.isEmpty()) continue;
            first = false;
            if (kinds[i] == LineKind.SHORT && BodyLocator.headingLike(text) && nextIsProse(kinds, i, window.end())) {
                sections.add(new Section(text, body.isEmpty() ? 0 : body.length() + 1));
            }
            if (!body.isEmpty()) body.append('\n');
            body.append(text);
        }
        for (int i = window.end() + 1; i < lines.size() && i <= window.end() + TRAILER_LINES; i++) {
            if (kinds[i] == LineKind.METADATA) metadataLines.add(i);
        }

        readTitle(title, kinds, start);
        int signatureAt = signatureUnder(kinds, window.end());
        for (int i : metadataLines) readLabels(i, lines.get(i), 0, lines.get(i).length());
        for (int[] b : inlineBylines) readLabels(b[0], lines.get(b[0]), b[1], b[2]);
        if (signatureAt >= 0) unitCandidates.add(new ExtractedField(lines.get(signatureAt), 0.6, new Span(signatureAt, 0, lines.get(signatureAt).length())));
        ExtractedField date = PageDates.find(page, metadataLines);
        if (date != null) fields.putIfAbsent("date", date);
        putPeople("author", authors);
        putPeople("editor", editors);
        readUnlabelledByline(kinds, titleLine, start);
        readUnlabelledSite(kinds, titleLine, start);
        ExtractedField unit = contributingUnit(body.toString());
        ExtractedField channel = ChannelGuesser.fromTrail(registry, classes.crumbs(), 0.9);
        if (channel == null) channel = ChannelGuesser.fromTrail(registry, classes.columns(), 0.9);
        if (channel == null) {
            channel = ChannelGuesser.fromContent(registry, fields.get("title") == null ? "" : fields.get("title").value(), body.toString());
        }
        reportRemoved(kinds, inBody, titleLine, start);
        return new Extraction(lines, fields.get("title"), fields.get("subtitle"), fields.get("date"), fields.get("site"),
                fields.get("author"), fields.get("editor"), fields.get("contributor"), unit, channel,
                body.toString(), sections, removed);
    }

    /**
     * Metadata printed above the title: a date or source line, or the whole header of a reprint that repeats its
     * title under it (title, metadata, share bar, kicker, title again). Read up to the trail or the menu.
     */
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

    private static int hanCount(String s) {
        return (int) s.chars().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }

    /** A notice signs off with its unit (中共南宁市中医医院委员会) on a short line right under the text. */
    private int signatureUnder(LineKind[] kinds, int end) {
        for (int i = end + 1; i < lines.size() && i <= end + 2; i++) {
            if (kinds[i] == LineKind.SHORT && lines.get(i).length() <= 30 && registry.findIn(lines.get(i)) != null) return i;
        }
        return -1;
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

    private static boolean isByline(String inner) {
        return !Metadata.labels(inner).isEmpty() && Metadata.labels(inner).get(0).start() <= 6
                || GIVEN_BY.matcher(inner.trim()).matches();
    }

    private void readTitle(TitleLocator.Title title, LineKind[] kinds, int start) {
        if (title == null) return;
        put("title", title.text(), 0.9, new Span(title.line(), 0, title.end()));
        if (title.site() != null) put("site", title.site(), 0.8, new Span(title.line(), title.siteStart(), lines.get(title.line()).length()));
        for (int i = title.line() + 1; i < start && i <= title.line() + 4; i++) {
            if (kinds[i] == LineKind.SUBTITLE) {
                String line = lines.get(i);
                int s = 0;
                while (s < line.length() && "—-－ ".indexOf(line.charAt(s)) >= 0) s++;
                put("subtitle", line.substring(s), 0.85, new Span(i, s, line.length()));
                break;
            }
        }
    }

    /** Labelled values in line[from, to); the first value of a field wins, header lines being read first. */
    private void readLabels(int line, String text, int from, int to) {
        String part = text.substring(from, to);
        List<Metadata.Labelled> labels = Metadata.labels(part);
        if (labels.isEmpty()) {
            Matcher given = GIVEN_BY.matcher(part.trim());
            String names = Bylines.bracketedNames(part.strip());
            if (given.matches()) {
                int s = from + part.indexOf(given.group(1));
                contributorValue(line, given.group(1), s, 0.85);
            } else if (names != null) {
                authors.add(new ExtractedField(names, 0.7, new Span(line, from + part.indexOf(names), from + part.indexOf(names) + names.length())));
            }
            return;
        }
        for (Metadata.Labelled l : labels) {
            if (l.value().isEmpty()) continue;
            String v = l.field() == Metadata.Field.SOURCE ? Fields.siteName(l.value()) : l.value();
            if (v.isEmpty()) continue;
            Span span = new Span(line, from + l.start(), from + l.start() + v.length());
            switch (l.field()) {
                case SOURCE -> {
                    if (Fields.selfReference(v)) {
                        continue;
                    } else if (registry.unitFor(v) != null || Fields.unitLike(v)) {
                        unitCandidates.add(new ExtractedField(v, 0.85, span));
                    } else if (Fields.departmentLike(v)) {
                        put("author", v, 0.75, span);
                    } else {
                        put("site", v, 0.9, span);
                    }
                }
                case AUTHOR -> {
                    // a photographer's credit (图片记者 …摄) names no writer
                    if (v.endsWith("摄") || part.substring(0, l.labelStart()).matches("(?s).*(图片|摄影|摄像)$")) continue;
                    authors.add(new ExtractedField(v, 0.9, span));
                    if (registry.unitFor(v) != null) unitCandidates.add(new ExtractedField(v, 0.8, span));
                }
                case EDITOR -> editors.add(new ExtractedField(v, 0.9, span));
                case CONTRIBUTOR -> contributorValue(line, v, from + l.start(), 0.9);
                case UNIT -> unitCandidates.add(new ExtractedField(v, 0.95, span));
                case SUBTITLE -> put("subtitle", v, 0.9, span);
                default -> { }
            }
        }
    }

    private void contributorValue(int line, String value, int at, double confidence) {
        Fields.UnitAndPeople split = Fields.unitAndPeople(value, registry);
        if (split.people() != null) put("contributor", split.people(), confidence, new Span(line, at + split.peopleStart(), at + split.peopleStart() + split.people().length()));
        if (split.unit() != null) unitCandidates.add(new ExtractedField(split.unit(), confidence, new Span(line, at + split.unitStart(), at + split.unitEnd())));
    }

    /**
     * Accounts and reporters printed bare between the title and the date line (加拿大必读 / 发布时间：…, 石佳/中国青年报
     * / 2019-09-24 09:10): a short line of no sentence that is no site's name is who wrote it.
     */
    private void readUnlabelledByline(LineKind[] kinds, int titleLine, int start) {
        if (titleLine < 0 || fields.containsKey("author") || titleLine + 2 >= lines.size()) return;
        int i = titleLine + 1;
        String line = lines.get(i);
        String next = lines.get(i + 1);
        boolean dateNext = kinds[i + 1] == LineKind.METADATA
                && (Metadata.date(next) != null || Metadata.labels(next).stream().anyMatch(l -> l.field() == Metadata.Field.DATE));
        if (i >= start || kinds[i] != LineKind.SHORT || !dateNext || line.length() > 20 || LineClassifier.punctuation(line) > 0) return;
        String[] parts = line.split("\\s*[/／]\\s*");
        if (parts.length > 2 || Fields.siteLike(parts[0]) || parts[0].length() < 2) return;
        put("author", parts[0], 0.5, new Span(i, 0, parts[0].length()));
        if (parts.length == 2 && Fields.siteLike(parts[1])) put("site", parts[1], 0.5, new Span(i, line.length() - parts[1].length(), line.length()));
    }

    /** Sites print their name alone near the date (2020-04-02 / 新时代党建教育信息网); the head names it last. */
    private void readUnlabelledSite(LineKind[] kinds, int titleLine, int start) {
        for (int i = Math.max(0, titleLine - SITE_LOOK_BACK); i < start && !fields.containsKey("site"); i++) {
            String line = lines.get(i);
            if (i != titleLine && kinds[i] == LineKind.SHORT && line.length() <= 20 && Fields.siteLike(line)) {
                put("site", line, 0.7, new Span(i, 0, line.length()));
            }
        }
        // a text dump often opens with the site's banner name, far above the title
        for (int i = 0; i < Math.min(2, start) && !fields.containsKey("site"); i++) {
            String line = lines.get(i);
            if (i != titleLine && kinds[i] == LineKind.SHORT && line.length() <= 20 && Fields.siteLike(line)) {
                put("site", line, 0.6, new Span(i, 0, line.length()));
            }
        }
        if (!fields.containsKey("site") && page.headSite() != null) put("site", page.headSite(), 0.5, null);
        if (!fields.containsKey("site") && page.headTitle() != null) {
            String site = TitleLocator.split(page.headTitle())[1];
            if (site != null) put("site", site, 0.4, null);
        }
    }

    /** Explicit mentions first (供稿单位, 来源, a byline that is a unit's account), then the subtitle, title and body. */
    private ExtractedField contributingUnit(String body) {
        for (ExtractedField c : unitCandidates) {
            UnitName u = registry.unitFor(c.value());
            if (u != null) return new ExtractedField(u.name(), c.confidence(), c.span());
            KnownNames.Mention m = registry.findIn(c.value());
            if (m != null) return new ExtractedField(m.unit().name(), c.confidence() * 0.9, shift(c.span(), m));
        }
        for (String field : List.of("subtitle", "title")) {
            ExtractedField f = fields.get(field);
            KnownNames.Mention m = f == null ? null : registry.findIn(f.value());
            if (m != null) return new ExtractedField(m.unit().name(), field.equals("subtitle") ? 0.75 : 0.7, shift(f.span(), m));
        }
        if (!unitCandidates.isEmpty() && Fields.unitLike(unitCandidates.get(0).value())) {
            ExtractedField c = unitCandidates.get(0);
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

    /** The names of every labelled value, once each; the span is the first value's, narrowed to its names when it can be. */
    private void putPeople(String field, List<ExtractedField> values) {
        List<String> names = new ArrayList<>();
        for (ExtractedField v : values) {
            for (String n : Bylines.names(v.value())) if (!names.contains(n)) names.add(n);
        }
        if (names.isEmpty()) return;
        String joined = String.join(" ", names);
        ExtractedField first = values.get(0);
        Span span = first.span();
        int at = span == null ? -1 : first.value().indexOf(joined);
        if (at >= 0) span = new Span(span.line(), span.start() + at, span.start() + at + joined.length());
        put(field, joined, first.confidence(), span);
    }

    private void put(String field, String value, double confidence, Span span) {
        if (value != null && !value.isBlank()) fields.putIfAbsent(field, new ExtractedField(value, confidence, span));
    }
}
