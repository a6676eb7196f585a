package dev.herald.console.unit;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class UploadedPageTest {

    private static final String PAGE = "<html><head><title>如意先锋战疫情</title></head><body><p>自疫情防控工作开展以来</p></body></html>";

    @Test
    void aUtf8PageIsReadAsUtf8WithOrWithoutItsByteOrderMark() {
        byte[] utf8 = PAGE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(UploadedPage.decode(utf8)).isEqualTo(PAGE);
        assertThat(UploadedPage.decode(withBom)).isEqualTo(PAGE);
    }

    @Test
    void aPageNotInUtf8IsReadInTheCharsetItDeclaresElseAsGb18030() {
        // a Hong Kong or Taiwan page, in traditional characters
        String declared = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"><title>如意先鋒戰疫情</title></head>"
                + "<body><p>自疫情防控工作開展以來</p></body></html>";
        String undeclared = PAGE;

        assertThat(UploadedPage.decode(declared.getBytes(Charset.forName("Big5")))).isEqualTo(declared);
        assertThat(UploadedPage.decode(undeclared.getBytes(Charset.forName("GBK")))).isEqualTo(undeclared);
    }

    @Test
    void aPageIsHtmlByItsEndingTextIsTextAndAnythingElseIsNoPage() {
        assertThat(UploadedPage.of("新闻.HTM", new byte[]{'a'}).html()).isTrue();
        assertThat(UploadedPage.of("news.txt", new byte[]{'a'}).html()).isFalse();
        assertThat(UploadedPage.of("news.docx", new byte[]{'a'})).isNull();
        assertThat(UploadedPage.of(null, new byte[]{'a'})).isNull();
    }
}
