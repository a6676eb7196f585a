package dev.herald.ingest.importing;

import dev.herald.ingest.extraction.PageFormat;
import dev.herald.ingest.fetch.FetchedPage;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PageDecoderTest {

    private static final Charset GBK = Charset.forName("GBK");
    // 镕 and 堃 are in GBK but not in GB2312
    private static final String STORY = "<p>朱镕基同志与王堃同志出席表彰大会，会议由院党委书记主持。</p>";

    @Test
    void aGbkPageThatDeclaresNoCharsetAtAllIsReadAsGbkNotAsBrokenUtf8() {
        byte[] page = ("<html><head><title>表彰大会</title></head><body>" + STORY + "</body></html>").getBytes(GBK);

        var decoded = PageDecoder.decode(new FetchedPage("reports/a.html", "text/html", null, page));

        assertThat(decoded.format()).isEqualTo(PageFormat.HTML);
        assertThat(decoded.content()).contains("表彰大会", "朱镕基", "王堃").doesNotContain("\uFFFD");
    }

    @Test
    void aSavedCrawlWrappedInATextElementNamingItsEncodingIsReadAsGbk() {
        byte[] page = ("<text id=\"http://news.example/1.html\" title=\"表彰大会\" encoding=\"gbk\"><div>" + STORY + "</div></text>")
                .getBytes(GBK);

        assertThat(PageDecoder.decode(new FetchedPage("1.html", "text/html", null, page)).content()).contains("朱镕基");
    }

    @Test
    void aPageLabelledGb2312ThatUsesGbkCharactersKeepsThem() {
        byte[] page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>"
                + STORY + "</body></html>").getBytes(GBK);

        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", null, page)).content()).contains("朱镕基", "王堃");
        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", Charset.forName("GB2312"), page)).content())
                .contains("朱镕基", "王堃");
    }

    @Test
    void aUtf8PageWithoutADeclarationStaysUtf8AndADeclaredCharsetIsFollowed() {
        String html = "<html><body>" + STORY + "</body></html>";

        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", null, html.getBytes(StandardCharsets.UTF_8))).content())
                .contains("朱镕基");
        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", Charset.forName("Big5"),
                "<html><body><p>臺灣新聞報導</p></body></html>".getBytes(Charset.forName("Big5")))).content()).contains("臺灣新聞報導");
        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", null,
                "<html><head><meta charset=\"big5\"></head><body><p>臺灣新聞報導</p></body></html>".getBytes(Charset.forName("Big5"))))
                .content()).contains("臺灣新聞報導");
    }

    @Test
    void aPageSavedAsUtf8ThatKeptItsOriginalsGb2312MetaTagIsReadAsUtf8() {
        byte[] page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>表彰大会</title></head><body>"
                + STORY + "</body></html>").getBytes(StandardCharsets.UTF_8);

        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", null, page)).content()).contains("表彰大会", "朱镕基");
        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", Charset.forName("GBK"), page)).content())
                .as("a server's label is as wrong as the tag's").contains("朱镕基");
    }

    @Test
    void aUtf16PageWithItsByteOrderMarkAnEmptyPageAndAnUnknownCharsetNameAreReadWithoutFailing() {
        byte[] utf16 = ("\uFEFF<html><body>" + STORY + "</body></html>").getBytes(StandardCharsets.UTF_16LE);
        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", null, utf16)).content()).contains("朱镕基");

        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", null, new byte[0])).format()).isEqualTo(PageFormat.HTML);

        byte[] unknown = ("<html><head><meta charset=\"x-no-such-charset\"></head><body>" + STORY + "</body></html>").getBytes(GBK);
        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", null, unknown)).content()).contains("朱镕基");
    }

    @Test
    void aBig5PageThatDeclaresNothingIsReadAsBig5AndAGbkOneAsGbk() {
        String story = "<p>香港特區政府今日公布新一年的施政報告，行政長官在立法會發表演說，提出多項改善民生的措施。市民對報告的反應不一。</p>";
        byte[] big5 = ("<html><head><title>施政報告</title></head><body>" + story + "</body></html>").getBytes(Charset.forName("Big5"));
        byte[] gbk = ("<html><head><title>表彰大会</title></head><body>" + STORY + "</body></html>").getBytes(GBK);

        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", null, big5)).content()).contains("施政報告", "行政長官在立法會發表演說");
        assertThat(PageDecoder.decode(new FetchedPage("a.html", "text/html", null, gbk)).content()).contains("朱镕基同志与王堃同志");
        assertThat(PageDecoder.decode(new FetchedPage("a.txt", "text/plain", null, "行政長官在立法會發表演說，市民對報告的反應不一。".getBytes(Charset.forName("Big5"))))
                .content()).isEqualTo("行政長官在立法會發表演說，市民對報告的反應不一。");
    }

    @Test
    void plainTextThatIsNotUtf8IsReadAsGbk() {
        var decoded = PageDecoder.decode(new FetchedPage("a.txt", "text/plain", null, "朱镕基同志出席表彰大会".getBytes(GBK)));

        assertThat(decoded.format()).isEqualTo(PageFormat.TEXT);
        assertThat(decoded.content()).isEqualTo("朱镕基同志出席表彰大会");
    }
}
