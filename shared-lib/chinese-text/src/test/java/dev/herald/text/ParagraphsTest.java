package dev.herald.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParagraphsTest {

    static final String BODY = "朝阳区各医疗机构积极行动。\n 垂杨柳医院 \n医院组织党员志愿者。\n小红门社区卫生服务中心\n中心开展入户随访。";

    @Test
    void sectionTitlesAreKeptOnlyWhileTheyAreWholeParagraphsOfTheBody() {
        assertThat(Paragraphs.keepPresent(BODY, List.of("垂杨柳医院", "小红门社区卫生服务中心")))
                .containsExactly("垂杨柳医院", "小红门社区卫生服务中心");
        assertThat(Paragraphs.keepPresent(BODY, List.of("医院", "垂杨柳医院", "垂杨柳医院", " "))).containsExactly("垂杨柳医院");
        assertThat(Paragraphs.keepPresent(BODY.replace("小红门社区卫生服务中心\n", ""), List.of("小红门社区卫生服务中心"))).isEmpty();
        assertThat(Paragraphs.keepPresent(null, List.of("垂杨柳医院"))).isEmpty();
    }
}
