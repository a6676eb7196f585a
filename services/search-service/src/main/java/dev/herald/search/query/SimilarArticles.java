package dev.herald.search.query;

import java.util.List;

/** The published articles most like a given one, whichever backend holds them; an unknown article is a 404. */
public interface SimilarArticles {

    List<RelatedArticles.Related> to(String articleId, int size);
}
