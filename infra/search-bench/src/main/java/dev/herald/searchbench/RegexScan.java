package dev.herald.searchbench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * What a search without an index does: the first ten articles whose title or body contains the text as
 * typed, by {@code $regex} over the collection. No folding, synonyms or pinyin, so it also finds less.
 */
final class RegexScan implements Load.Search {

    private final MongoCollection<Document> articles;

    RegexScan(MongoCollection<Document> articles) {
        this.articles = articles;
    }

    @Override
    public long hits(BenchQuery query) {
        String literal = Pattern.quote(query.literal());
        return articles.find(Filters.or(Filters.regex("title", literal), Filters.regex("body", literal)))
                .projection(new Document("title", 1)).limit(10).into(new ArrayList<>()).size();
    }
}
