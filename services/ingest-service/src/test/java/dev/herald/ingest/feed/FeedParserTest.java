package dev.herald.ingest.feed;

import dev.herald.ingest.fetch.FetchedPage;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the parser takes from a feed, and what it refuses to do with one. */
class FeedParserTest {

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
        assertThatThrownBy(() -> FeedParser.parse(page("application/rss+xml", null, xml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FeedUnreadableException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void aGb2312DeclarationAndACharsetHeaderAreBothHonoured() {
        String xml = FeedXml.rss("GB2312", "党建新闻", List.of(new FeedXml.Item("g1", "支部学习", null, null, "内容", null, null)));
        byte[] bytes = xml.getBytes(Charset.forName("GB2312"));
        assertThat(FeedParser.parse(page("text/xml", null, bytes)).title()).isEqualTo("党建新闻");
        assertThat(FeedParser.parse(page("text/xml", Charset.forName("GB2312"), bytes)).entries().getFirst().title()).isEqualTo("支部学习");
    }

    @Test
    void aFeedLabelledGb2312ThatUsesGbkCharactersLosesNone() {
        // 镕 and 堃 are in GBK but not in GB2312, and sites label GBK text GB2312 all the time
        String xml = FeedXml.rss("GB2312", "党建新闻", List.of(new FeedXml.Item("g1", "朱镕基同志与王堃同志", null, null, "内容", null, null)));
        byte[] bytes = xml.getBytes(Charset.forName("GBK"));
        assertThat(FeedParser.parse(page("text/xml", null, bytes)).entries().getFirst().title()).isEqualTo("朱镕基同志与王堃同志");
        assertThat(FeedParser.parse(page("text/xml", Charset.forName("GB2312"), bytes)).entries().getFirst().title())
                .isEqualTo("朱镕基同志与王堃同志");
    }

    @Test
    void anEntryIsKnownByItsGuidElseItsLinkElseAHashOfTitleAndDate() {
        Instant at = Instant.parse("2024-03-01T08:00:00Z");
        String xml = FeedXml.rss("UTF-8", "站", List.of(
                new FeedXml.Item("guid-1", "甲", "http://example.org/a", at, "摘要", null, null),
                new FeedXml.Item(null, "乙", "http://example.org/b", at, "摘要", null, null),
                new FeedXml.Item(null, "丙", null, at, "摘要", null, null)));
        List<FeedDocument.Entry> entries = FeedParser.parse(page("application/rss+xml", null, xml.getBytes(StandardCharsets.UTF_8))).entries();
        assertThat(entries.get(0).id()).isEqualTo("guid-1");
        assertThat(entries.get(1).id()).isEqualTo("http://example.org/b");
        assertThat(entries.get(2).id()).startsWith("hash:").hasSize(5 + 64);
        assertThat(entries.getFirst().publishedAt()).isEqualTo(at);
    }

    private static FetchedPage page(String type, Charset charset, byte[] bytes) {
        return new FetchedPage("http://example.org/feed.xml", type, charset, bytes);
    }
}
