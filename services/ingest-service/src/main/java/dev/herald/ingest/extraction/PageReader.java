package dev.herald.ingest.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns submitted content into the lines the extractor works on, the same way a browser's text dump would. */
final class PageReader {

    private static final Pattern PLATFORM_BUTTON = Pattern.compile("[\\s\\u3000]*返回\\p{IsHan}{1,6}[，,][\\s\\u3000]*查看更多$");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "tr", "td", "th", "table", "section", "article", "header", "footer", "nav", "aside", "main", "dd", "dt",
            "dl", "blockquote", "pre", "form", "figure", "figcaption", "address", "center", "hr", "br", "body");
    // class and id words that sites use for chrome; matched as whole words of the attribute
    private static final Pattern CHROME_WORDS = Pattern.compile(
            "(?i)(?:^|[\\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|position|location|footer|foot|copyright|share|"
                    + "bdshare|related|recommend|tuijian|pager|prevnext|pagination|sidebar|summary|digest|abstract|zhaiyao|daodu|introduction|"
                    + "caption)(?:$|[\\s_-])");
    // a picture's text by the names templates give it (h3.img_desc, p.photo-essay, div.pic_txt)
    private static final Pattern PICTURE_TEXT_WORDS = Pattern.compile("(?:^|\\s)(?:img|pic|photo|image)[-_]?(?:desc|txt|text|essay|note)(?:$|\\s)");
    /** The chrome kind of a line in a summary box (p.ep-summary, div.digest): not chrome, but not the text's first line. */
    static final String SUMMARY = "summary";
    /** The kind of a line in a picture's caption (p.caption, figcaption): text, but never the text's first line. */
    static final String CAPTION = "caption";

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern CENTRED_STYLE = Pattern.compile("(?i)text-align\\s*:\\s*center");
    private static final int CAPTION_BLOCK_CHARS = 250;
    private static final int FIELDS_LINE_CHARS = 100;
    private static final Pattern WRITER_WORDS = Pattern.compile("(?:^|[\\s_-])(author|auth|writer|zuozhe|byline)(?:$|[\\s_-])");
    private static final Pattern NOT_THE_WRITER = Pattern.compile("comment|reply|user|avatar|book|related|recommend");
    private static final int MARKED_WRITER_CHARS = 20;

    /** Whether a line of this chrome kind is the article's text but never its first line (a summary box, a caption). */
    static boolean neverOpens(String chrome) {
        return SUMMARY.equals(chrome) || CAPTION.equals(chrome);
    }

    private static final String HEAD_DATES = "meta[property=article:published_time], meta[itemprop=datePublished], "
            + "meta[name~=(?i)^(pubdate|publishdate|publish_time|publishtime|PubDate|weibo:article:create_at)$], "
            + "meta[itemprop=dateUpdate], meta[itemprop=dateModified], meta[property=article:modified_time]";

    private PageReader() {
    }

    static PageText read(String content, PageFormat format) {
        if (content == null || content.isEmpty()) {
            return PageText.ofLines(List.of());
        }
        // control characters a crawl or a CMS left in the text (遊樂區。\b\b（林務局提供）) are invisible on the page and
        // would stand between words that belong together
        String text = CONTROL.matcher(content).replaceAll("");
        return format == PageFormat.HTML ? html(text) : PageText.ofDump(textLines(text));
    }

    static List<String> textLines(String content) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length(); i++) {
            if (i == content.length() || content.charAt(i) == '\n' || content.charAt(i) == '\r') {
                String line = withoutPlatformButton(strip(content.substring(start, i)));
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /**
     * A platform prints its way back after a post's last words, inside the same paragraph (…也前往送别。返回搜狐，查看更多):
     * the button is not the writer's text.
     */
    static String withoutPlatformButton(String line) {
        if (!line.endsWith("查看更多")) return line;
        var m = PLATFORM_BUTTON.matcher(line);
        return m.find() ? strip(line.substring(0, m.start())) : line;
    }

    /** Trims ordinary, non-breaking and ideographic spaces, which pasted pages are full of. */
    static String strip(String s) {
        int b = 0, e = s.length();
        while (b < e && isSpace(s.charAt(b))) b++;
        while (e > b && isSpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    private static PageText html(String content) {
        Document doc = Jsoup.parse(content);
        // scraped pages come wrapped (<text id=…><html>…), which moves the head's title into the body: find it anywhere
        Element titleElement = doc.selectFirst("title");
        String headTitle = titleElement == null ? null : blankToNull(titleElement.text());
        // a page whose <title> a script fills (WeChat's exports leave it empty) still names its headline to sharers
        if (headTitle == null) {
            Element shared = doc.selectFirst("meta[property=og:title], meta[name=twitter:title]");
            headTitle = shared == null ? null : blankToNull(shared.attr("content"));
        }
        Element siteMeta = doc.selectFirst("meta[property=og:site_name], meta[name=SiteName], meta[name=sitename]");
        String headSite = siteMeta == null ? null : blankToNull(siteMeta.attr("content"));
        String headDate = headDate(doc);
        boolean monthFirst = doc.selectFirst("html[lang~=(?i)^en(-US)?$]") != null;
        // a textarea holds a form's text or a script's template (1905电影网 keeps a gallery's markup in one), never the article's
        doc.select("script, style, noscript, template, textarea, select, svg, iframe, object, head, title").remove();
        unwrapUnclosedChrome(doc);
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, doc.body());
        collector.flush();
        return new PageText(collector.lines, collector.chrome, collector.heading, collector.link, collector.afterImage,
                headTitle, -1, headSite, headDate, monthFirst, markedWriters(doc), collector.container);
    }

    /**
     * What the template marks as the writer (<p class="author">帅鹏坤</p>, <span class="auth">郭晓峰</span>): short texts
     * only, in page order, a comment's or a reply's author left out. Whether one is a name is the labels' to judge.
     */
    private static List<String> markedWriters(Document doc) {
        List<String> found = new ArrayList<>();
        if (doc.body() == null) return found;
        for (Element e : doc.body().select("[class], [id]")) {
            String words = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
            if (!WRITER_WORDS.matcher(words).find() || NOT_THE_WRITER.matcher(words).find()) continue;
            String text = strip(e.text());
            if (!text.isEmpty() && text.length() <= MARKED_WRITER_CHARS) found.add(text);
        }
        return found;
    }

    /**
     * A breadcrumb, menu, share bar or pager left unclosed (<div class="breadcrumb"> with no </div>) swallows the
     * article after it, so its class would mark the headline and the text as chrome. Such boxes are small: one holding
     * most of the page's text is a wrapper, and its chrome words are dropped.
     */
    private static void unwrapUnclosedChrome(Document doc) {
        if (doc.body() == null) return;
        int total = doc.body().text().length();
        for (Element e : doc.body().select("[class], [id]")) {
            String kind = chromeKind(e);
            if (kind == null || !List.of("navigation", "breadcrumb", "share", "pager").contains(kind)) continue;
            if (CHROME_WORDS.matcher((e.className() + " " + e.id()).toLowerCase(Locale.ROOT)).find() && e.text().length() * 2 > total) {
                e.removeAttr("class").removeAttr("id");
            }
        }
    }

    /** The publication date the article's meta tags carry (portals and content farms show only 10-08 12:00). */
    private static String headDate(Document doc) {
        for (Element meta : doc.select(HEAD_DATES)) {
            Metadata.FoundDate d = Metadata.date(meta.attr("content"));
            if (d != null) return d.iso().substring(0, 10);
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || strip(s).isEmpty() ? null : strip(s);
    }

    /** Walks the tree, ending a line at every block boundary, and remembers each line's chrome element if any. */
    private static final class Collector implements NodeVisitor {
        final List<String> lines = new ArrayList<>();
        final List<String> chrome = new ArrayList<>();
        final List<Boolean> heading = new ArrayList<>();
        final List<Boolean> link = new ArrayList<>();
        final List<Boolean> afterImage = new ArrayList<>();
        final List<Integer> container = new ArrayList<>();
        private final Map<Element, Integer> containerIds = new IdentityHashMap<>();
        private int currentContainer = -1;
        private final StringBuilder current = new StringBuilder();
        private String currentChrome;
        private boolean currentHeading;
        private boolean allLink = true;
        private boolean imageSeen;
        private final Map<Element, Boolean> pictureBlocks = new IdentityHashMap<>();
        private final List<Integer> fieldBreaks = new ArrayList<>();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (current.isEmpty()) {
                    Element parent = (Element) text.parent();
                    currentChrome = parent == null ? null : chromeKind(parent);
                    if (currentChrome == null && parent != null && pictureBlock(parent, pictureBlocks)) currentChrome = CAPTION;
                    currentHeading = parent != null && isHeading(parent);
                    currentContainer = containerOf(parent);
                }
                current.append(text.getWholeText());
                if (!text.isBlank() && !insideLink(text)) allLink = false;
            } else if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                flush();
            } else if (node instanceof Element el && el.normalName().equals("img") && current.isEmpty()) {
                imageSeen = true;
            } else if (node instanceof Element el && !current.isEmpty() && separateField(el)) {
                fieldBreaks.add(current.length());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                flush();
            }
        }

        void flush() {
            if (!fieldBreaks.isEmpty() && collapse(current).length() <= FIELDS_LINE_CHARS) {
                for (int i = fieldBreaks.size() - 1; i >= 0; i--) current.insert((int) fieldBreaks.get(i), ' ');
            }
            fieldBreaks.clear();
            String line = withoutPlatformButton(collapse(current));
            current.setLength(0);
            if (!line.isEmpty()) {
                lines.add(line);
                chrome.add(currentChrome);
                heading.add(currentHeading);
                link.add(allLink);
                afterImage.add(imageSeen);
                container.add(currentContainer);
                imageSeen = false;
            }
            allLink = true;
        }

        /** The element the block holding this text stands in, numbered in page order; -1 for none. */
        private int containerOf(Element parent) {
            Element block = parent;
            while (block != null && !BLOCKS.contains(block.normalName())) block = block.parent();
            Element holder = block == null ? null : block.parent();
            return holder == null ? -1 : containerIds.computeIfAbsent(holder, k -> containerIds.size());
        }

        /**
         * Pages rendered by a framework (JSX drops the whitespace between tags) print a metadata line as fields with
         * nothing between them (<span class="time">…</span><span class="source">来源：中国新闻网</span><span
         * class="author">王帆</span>), or an icon between two (<a>北青网-北京青年报</a><img>北京): the browser shows
         * them apart by their margins, so they are read apart too. Only on short lines, where fields live, and only
         * between elements a stylesheet can set apart (a class, an id, a link): a post's inline-styled runs are one
         * sentence.
         */
        private static boolean separateField(Element el) {
            if (el.normalName().equals("img")) return true;
            return el.previousSibling() instanceof Element prev && !BLOCKS.contains(prev.normalName()) && field(prev) && field(el);
        }

        private static boolean field(Element el) {
            return el.hasAttr("class") || el.hasAttr("id") || el.normalName().equals("a");
        }

        private static boolean insideLink(Node node) {
            for (Node n = node.parent(); n instanceof Element e && !BLOCKS.contains(e.normalName()); n = n.parent()) {
                if (e.normalName().equals("a")) return true;
            }
            return false;
        }

        private static String collapse(CharSequence s) {
            StringBuilder out = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (isSpace(c)) {
                    space = !out.isEmpty();
                } else {
                    if (space) out.append(' ');
                    space = false;
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    /**
     * Text in a small centred block that also holds a picture is the picture's caption (<div align="center"><img>
     * 罗伯特·莱夫科维茨 1943年在美国出生…</div>), however much it reads like a sentence. Long blocks are left alone:
     * pages of the 2000s centre whole layouts.
     */
    private static boolean pictureBlock(Element el, Map<Element, Boolean> known) {
        Element block = el;
        while (block != null && !BLOCKS.contains(block.normalName())) block = block.parent();
        if (block == null || block.normalName().equals("body")) return false;
        // once per block: a centred layout holding a thousand lines is measured once, not once a line
        return known.computeIfAbsent(block, b -> {
            boolean centred = b.normalName().equals("center") || b.attr("align").equalsIgnoreCase("center")
                    || CENTRED_STYLE.matcher(b.attr("style")).find();
            return centred && b.selectFirst("img") != null && b.text().length() <= CAPTION_BLOCK_CHARS;
        });
    }

    private static boolean isHeading(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            String n = e.normalName();
            if (n.equals("h1") || n.equals("h2") || n.equals("h3")) return true;
            if (BLOCKS.contains(n) && !n.equals("span")) return false;
        }
        return false;
    }

    /** The removal kind the nearest chrome-looking ancestor stands for, or null inside content. */
    static String chromeKind(Element el) {
        for (Element e = el; e != null && !e.normalName().equals("body"); e = e.parent()) {
            switch (e.normalName()) {
                case "nav" -> { return "navigation"; }
                case "figcaption" -> { return CAPTION; }
                case "footer" -> { return "footer"; }
                case "aside" -> { return "recommendations"; }
                case "article", "main" -> { return null; }
                default -> { }
            }
            String words = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
            var m = CHROME_WORDS.matcher(words);
            if (m.find()) {
                return switch (m.group(1)) {
                    case "nav", "navbar", "menu" -> "navigation";
                    case "breadcrumb", "breadcrumbs", "crumb", "crumbs", "position", "location" -> "breadcrumb";
                    case "footer", "foot", "copyright" -> "footer";
                    case "share", "bdshare" -> "share";
                    case "pager", "prevnext", "pagination" -> "pager";
                    case "summary", "digest", "abstract", "zhaiyao", "daodu", "introduction" -> SUMMARY;
                    case "caption" -> CAPTION;
                    default -> "recommendations";
                };
            }
            if (PICTURE_TEXT_WORDS.matcher(words).find()) return CAPTION;
        }
        return null;
    }
}
