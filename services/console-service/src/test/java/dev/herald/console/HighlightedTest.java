package dev.herald.console;

import dev.herald.console.platform.Highlighted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightedTest {

    @Test
    void matchesStayMarkedAndEverythingElseIsEscapedByTheConsole() {
        assertThat(Highlighted.html("A &amp; B <em>疫情</em> <img src=x onerror=alert(1)> &lt;b&gt;"))
                .isEqualTo("A &amp; B <mark>疫情</mark> &lt;img src=x onerror=alert(1)&gt; &lt;b&gt;");
    }
}
