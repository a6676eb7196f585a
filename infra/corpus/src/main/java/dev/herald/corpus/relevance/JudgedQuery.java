package dev.herald.corpus.relevance;

import java.util.Map;

/**
 * A query with the articles judged relevant to it: grade 2 for an article about what was asked, grade 1 for
 * one that only mentions it; articles not listed are judged not relevant. {@code note} says why.
 */
public record JudgedQuery(String id, QueryCategory category, String text, Map<String, Integer> grades, String note) {

    public JudgedQuery {
        grades = Map.copyOf(grades);
        if (grades.isEmpty()) {
            throw new IllegalArgumentException("query " + id + " has no relevant article");
        }
        grades.forEach((article, grade) -> {
            if (grade < 1 || grade > 2) {
                throw new IllegalArgumentException("query " + id + " grades " + article + " " + grade + ", not 1 or 2");
            }
        });
    }

    public int grade(String articleId) {
        return grades.getOrDefault(articleId, 0);
    }
}
