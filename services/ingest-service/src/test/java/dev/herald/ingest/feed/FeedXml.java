package dev.herald.ingest.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** RSS 2.0 and Atom documents written the way the sites units run write them. */
final class FeedXml {

    /** One item; {@code guid} null leaves the id to the link; {@code content} goes to content:encoded (RSS) or content (Atom). */
    record Item(String guid, String title, String link, Instant published, String description, String content, String category) {
    }

    private FeedXml() {
    }

    static String rss(String encoding, String title, List<Item> items) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n")
                .append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>")
                .append("<title>").append(title).append("</title><link>http://example.org/</link><description>站点</description>\n");
        for (Item i : items) {
            out.append("<item>");
            if (i.guid() != null) {
                out.append("<guid isPermaLink=\"false\">").append(i.guid()).append("</guid>");
            }
            out.append("<title>").append(i.title()).append("</title>");
            if (i.link() != null) {
                out.append("<link>").append(i.link()).append("</link>");
            }
            if (i.published() != null) {
                out.append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(i.published().atOffset(ZoneOffset.UTC))).append("</pubDate>");
            }
            if (i.category() != null) {
                out.append("<category>").append(i.category()).append("</category>");
            }
            if (i.description() != null) {
                out.append("<description><![CDATA[").append(i.description()).append("]]></description>");
            }
            if (i.content() != null) {
                out.append("<content:encoded><![CDATA[").append(i.content()).append("]]></content:encoded>");
            }
            out.append("</item>\n");
        }
        return out.append("</channel></rss>").toString();
    }

    static String atom(String title, List<Item> items) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>").append(title).append("</title>")
                .append("<id>urn:herald:test-feed</id><updated>2024-01-01T00:00:00Z</updated>\n");
        for (Item i : items) {
            out.append("<entry><id>").append(i.guid()).append("</id><title>").append(i.title()).append("</title>");
            if (i.link() != null) {
                out.append("<link href=\"").append(i.link()).append("\"/>");
            }
            if (i.published() != null) {
                out.append("<published>").append(i.published()).append("</published><updated>").append(i.published()).append("</updated>");
            }
            if (i.category() != null) {
                out.append("<category term=\"").append(i.category()).append("\"/>");
            }
            if (i.content() != null) {
                out.append("<content type=\"html\"><![CDATA[").append(i.content()).append("]]></content>");
            }
            out.append("</entry>\n");
        }
        return out.append("</feed>").toString();
    }

    /** A story of several paragraphs, made unique by {@code mark} so no other test's draft has the same text. */
    static String story(String mark) {
        return "<p>为深入学习贯彻党的二十大精神，" + mark + "党支部组织全体党员开展主题党日活动，大家认真学习了有关文件，并结合本职工作交流了学习体会。</p>"
                + "<p>活动中，党员们走进社区，为居民提供健康咨询、义诊和用药指导等服务，共服务群众一百二十余人次，发放宣传资料三百余份，受到居民的一致好评。</p>"
                + "<p>大家表示，将以此次活动为契机，进一步增强宗旨意识，立足岗位作贡献，努力为群众提供更加优质、便捷的医疗服务，以实际行动践行初心使命。</p>";
    }
}
