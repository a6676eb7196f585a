package dev.herald.console.moderator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpansTest {

    @Test
    void overlappingFindingsCutTheTextWhereEachStartsAndEnds() {
        var findings = List.of(new Reviews.Finding("CONTACT", "HIGH", "电话", "body", 2, 6),
                new Reviews.Finding("PROMOTION", "LOW", "推广", "body", 4, 8));

        var pieces = Spans.of("0123456789", "body", findings);

        assertThat(pieces).extracting(Spans.Piece::text).containsExactly("01", "23", "45", "67", "89");
        assertThat(pieces).extracting(Spans.Piece::findings)
                .containsExactly(List.of(), List.of(1), List.of(1, 2), List.of(2), List.of());
        assertThat(pieces.get(2).describedBy()).isEqualTo("finding-1 finding-2");
    }

    @Test
    void findingsOfAnotherFieldOrBeyondTheTextDoNotBreakIt() {
        var findings = List.of(new Reviews.Finding("METADATA", "LOW", "标题", "title", 0, 3),
                new Reviews.Finding("CHROME", "LOW", "残留", "body", 3, 99));

        var pieces = Spans.of("正文内容", "body", findings);

        assertThat(pieces).extracting(Spans.Piece::text).containsExactly("正文内", "容");
        assertThat(pieces.get(1).findings()).containsExactly(2);
    }
}
