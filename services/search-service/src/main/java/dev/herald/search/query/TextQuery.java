package dev.herald.search.query;

import dev.herald.search.index.IndexProperties;
import dev.herald.text.SearchSyntax;
import dev.herald.search.dictionary.UserDictionary;
import dev.herald.search.analysis.TypedPinyin;
import dev.herald.text.ChineseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.herald.search.index.ArticleDocuments.*;

/**
 * Builds the Lucene query from what the analyzers make of the reader's text, never from Lucene syntax.
 * The text becomes units: dictionary phrases and synonyms kept whole, runs of single characters the
 * segmenter left behind (an unknown name like 胡海莺 comes out as 胡/海/莺) kept together, and ordinary
 * words. An article matches when it has most units (all of up to three) in title, body or metadata,
 * every quoted phrase, and no excluded one.
 *
 * <p>A group of letters that reads as pinyin ({@link TypedPinyin}) is one unit too, found as written or as
 * the pinyin of a title or unit, so that a reader who types the pinyin of several words, alone or among
 * characters ({@code dangqi piaoyang}, {@code nanning 中医}), gets what the characters would give: each
 * group must match like any word. Groups typed one after the other score higher where their characters
 * stand close together, as they would in a phrase.
 */
public final class TextQuery {

    static final float TITLE_BOOST = 3f;
    static final float META_BOOST = 1.5f;
    /** A word found only inside a longer one (中医 in 中医院) counts, but less than the word itself. */
    static final float SUBSTRING_WEIGHT = 0.5f;

    private TextQuery() {
    }

    /**
     * A unit of meaning and the forms that may stand for it; {@code whole} ones are matched as phrases.
     * {@code pinyin} is what the unit means as pinyin, when it is a group of letters that reads so.
     */
    private record Unit(List<String> forms, boolean whole, TypedPinyin pinyin) {

        Unit(List<String> forms, boolean whole) {
            this(forms, whole, null);
        }
    }

    /** With the pinyin settings at their defaults, as the search benchmark builds the service's queries. */
    public static Query of(Analyzer analyzer, SearchSyntax syntax, UserDictionary dictionary) {
        return of(analyzer, syntax, dictionary, IndexProperties.PinyinQueries.defaults());
    }

    /** Returns null when the text holds nothing searchable, e.g. only punctuation. */
    public static Query of(Analyzer analyzer, SearchSyntax syntax, UserDictionary dictionary, IndexProperties.PinyinQueries pinyin) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        List<Unit> free = new ArrayList<>();
        List<Query> verbatims = new ArrayList<>();
        boolean anything = false;
        for (SearchSyntax.Part part : syntax.included()) {
            String folded = ChineseText.normalize(part.text());
            if (part.phrase()) {
                Query required = unit(analyzer, new Unit(dictionary.alternatives(folded), true), pinyin).build();
                if (required != null) {
                    text.add(required, Occur.MUST);
                    anything = true;
                }
            } else {
                free.addAll(freeUnits(analyzer, part.text(), dictionary, pinyin));
                Query verbatim = phrase(analyzer, folded);
                if (verbatim != null) {
                    verbatims.add(verbatim);
                }
            }
        }
        List<Disjunction> each = new ArrayList<>();
        for (Unit unit : free) {
            Disjunction q = unit(analyzer, unit, pinyin);
            if (!q.isEmpty()) {
                each.add(q);
            }
        }
        // A part of one unit (a word, a synonym) is its own verbatim phrase, already among the unit's
        // alternatives. Folded into the unit, it adds the same score to the same articles, since it only
        // matches where the unit does, and the unit matches where it did; but its postings are walked once.
        for (Iterator<Query> it = verbatims.iterator(); it.hasNext(); ) {
            Query verbatim = it.next();
            for (Disjunction unit : each) {
                if (unit.covers(verbatim)) {
                    unit.add(verbatim, 1f);
                    it.remove();
                    break;
                }
            }
        }
        if (!each.isEmpty()) {
            text.add(mostOf(each), Occur.MUST);
            anything = true;
        }
        verbatims.forEach(verbatim -> text.add(verbatim, Occur.SHOULD));
        together(free, pinyin).forEach(close -> text.add(close, Occur.SHOULD));
        if (!anything) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(text.build(), Occur.MUST);
        for (SearchSyntax.Part part : syntax.excluded()) {
            Query excluded = unit(analyzer, new Unit(dictionary.alternatives(ChineseText.normalize(part.text())), true), pinyin).build();
            if (excluded != null) {
                query.add(excluded, Occur.MUST_NOT);
            }
        }
        return query.build();
    }

    /**
     * The units of a part of the query that is not quoted: each group of letters that reads as pinyin is a
     * unit of its own, cut out of the text around it ({@code nanning中医} is nanning and 中医); the rest is
     * text as ever. Groups that are not pinyin ({@code CT}, {@code COVID}, {@code 5G}) stay in the text.
     */
    private static List<Unit> freeUnits(Analyzer analyzer, String typed, UserDictionary dictionary,
                                        IndexProperties.PinyinQueries settings) {
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        List<Unit> units = new ArrayList<>();
        int textFrom = 0;
        for (int start = 0, end; start < text.length(); start = end) {
            end = start;
            while (end < text.length() && TypedPinyin.mayBelong(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            if (end == start) {
                end += Character.charCount(text.codePointAt(start));
                continue;
            }
            String group = text.substring(start, end);
            var pinyin = TypedPinyin.read(group, settings.maxSpellings(), settings.maxInitials());
            if (pinyin.isPresent()) {
                units.addAll(units(analyzer, ChineseText.normalize(text.substring(textFrom, start)), dictionary));
                units.add(new Unit(dictionary.alternatives(ChineseText.normalize(group)), false, pinyin.get()));
                textFrom = end;
            }
        }
        units.addAll(units(analyzer, ChineseText.normalize(text.substring(textFrom)), dictionary));
        return units.size() > SearchSyntax.MAX_PARTS ? units.subList(0, SearchSyntax.MAX_PARTS) : units;
    }

    private static List<Unit> units(Analyzer analyzer, String folded, UserDictionary dictionary) {
        List<Unit> units = new ArrayList<>();
        int segmentStart = 0;
        for (int i = 0; i < folded.length(); ) {
            String known = knownAt(folded, i, dictionary);
            if (known == null) {
                i++;
                continue;
            }
            units.addAll(words(analyzer, folded.substring(segmentStart, i), dictionary));
            units.add(new Unit(dictionary.alternatives(known), true));
            i += known.length();
            segmentStart = i;
        }
        units.addAll(words(analyzer, folded.substring(segmentStart), dictionary));
        return units.size() > SearchSyntax.MAX_PARTS ? units.subList(0, SearchSyntax.MAX_PARTS) : units;
    }

    private static String knownAt(String text, int at, UserDictionary dictionary) {
        for (String unit : dictionary.units()) {
            if (text.startsWith(unit, at)) {
                return unit;
            }
        }
        return null;
    }

    /** The segmenter's words, with each run of adjacent single Han characters joined into one unit. */
    private static List<Unit> words(Analyzer analyzer, String text, UserDictionary dictionary) {
        List<Unit> units = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int runEnd = -1;
        try (TokenStream tokens = analyzer.tokenStream(BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                boolean single = word.length() == 1 && ChineseText.containsHan(word);
                if (single && (run.isEmpty() || offset.startOffset() == runEnd)) {
                    run.append(word);
                    runEnd = offset.endOffset();
                    continue;
                }
                flush(run, units, dictionary);
                if (single) {
                    run.append(word);
                    runEnd = offset.endOffset();
                } else {
                    units.add(new Unit(dictionary.alternatives(word), false));
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flush(run, units, dictionary);
        return units;
    }

    private static void flush(StringBuilder run, List<Unit> units, UserDictionary dictionary) {
        if (!run.isEmpty()) {
            String joined = run.toString();
            units.add(new Unit(dictionary.alternatives(joined), joined.length() > 1));
            run.setLength(0);
        }
    }

    private static Query mostOf(List<Disjunction> units) {
        if (units.size() == 1) {
            return units.getFirst().build();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        units.forEach(unit -> all.add(unit.build(), Occur.SHOULD));
        int n = units.size();
        return all.setMinimumNumberShouldMatch(n <= 3 ? n : (n * 3 + 3) / 4).build();
    }

    /** Any of the unit's forms, in title, metadata or body, or its pinyin in title or unit. */
    private static Disjunction unit(Analyzer analyzer, Unit unit, IndexProperties.PinyinQueries settings) {
        Disjunction any = new Disjunction();
        for (String form : unit.forms()) {
            Query q = unit.whole() || unit.forms().size() > 1 ? phrase(analyzer, form) : word(analyzer, form);
            if (q != null) {
                any.add(q, 1f);
            }
        }
        if (unit.pinyin() != null) {
            for (List<String> spelling : unit.pinyin().spellings()) {
                addPinyin(any, TITLE_PINYIN, UNIT_PINYIN, spelling, TITLE_BOOST, META_BOOST, settings);
            }
            // initials are weighed as the fields' own text is not: a few letters match many titles by chance
            if (!unit.pinyin().initials().isEmpty()) {
                addPinyin(any, TITLE_INITIALS, UNIT_INITIALS, unit.pinyin().initials(), 1f, 1f, settings);
            }
        }
        return any;
    }

    /**
     * The syllables (or initials) in a row in the title or unit; a long group also with its characters
     * apart, since it is likely several words, which a title need not have side by side.
     */
    private static void addPinyin(Disjunction any, String titleField, String unitField, List<String> tokens,
                                  float titleBoost, float unitBoost, IndexProperties.PinyinQueries settings) {
        any.add(sequence(titleField, tokens, 0), titleBoost);
        any.add(sequence(unitField, tokens, 0), unitBoost);
        if (tokens.size() >= settings.looseFrom()) {
            any.add(sequence(titleField, tokens, settings.looseSlop()), titleBoost);
            any.add(sequence(unitField, tokens, settings.looseSlop()), unitBoost);
        }
    }

    /**
     * For each run of pinyin groups typed one after the other, their syllables (or initials) near each other
     * and in order in the title or unit: 党旗…飘扬 for {@code dangqi piaoyang}, the closer the better. Like
     * the verbatim phrase of characters, it only ranks; each group is required on its own.
     */
    private static List<Query> together(List<Unit> units, IndexProperties.PinyinQueries settings) {
        List<Query> out = new ArrayList<>();
        List<Unit> run = new ArrayList<>();
        for (int i = 0; i <= units.size(); i++) {
            Unit unit = i < units.size() ? units.get(i) : null;
            if (unit != null && unit.pinyin() != null && (run.isEmpty() || sameKind(run.getFirst(), unit))) {
                run.add(unit);
                continue;
            }
            if (run.size() > 1) {
                boolean full = !run.getFirst().pinyin().spellings().isEmpty();
                List<String> tokens = run.stream()
                        .flatMap(u -> (full ? u.pinyin().spellings().getFirst() : u.pinyin().initials()).stream()).toList();
                out.add(new BoostQuery(sequence(full ? TITLE_PINYIN : TITLE_INITIALS, tokens, settings.looseSlop()),
                        full ? TITLE_BOOST : 1f));
                out.add(new BoostQuery(sequence(full ? UNIT_PINYIN : UNIT_INITIALS, tokens, settings.looseSlop()),
                        full ? META_BOOST : 1f));
            }
            run.clear();
            if (unit != null && unit.pinyin() != null) {
                run.add(unit);
            }
        }
        return out;
    }

    private static boolean sameKind(Unit a, Unit b) {
        return a.pinyin().spellings().isEmpty() == b.pinyin().spellings().isEmpty();
    }

    /** The word as the segmenter found it, or, less valued, its characters in a row inside a longer word. */
    private static Query word(Analyzer analyzer, String word) {
        Disjunction any = new Disjunction();
        any.add(wordTerm(word), 1f);
        if (word.codePointCount(0, word.length()) >= 2) {
            Query inside = phrase(analyzer, word);
            if (inside != null) {
                any.add(inside, SUBSTRING_WEIGHT);
            }
        }
        return any.build();
    }

    private static Query wordTerm(String word) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(TITLE, word)), TITLE_BOOST), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(META, word)), META_BOOST), Occur.SHOULD)
                .add(new TermQuery(new Term(BODY, word)), Occur.SHOULD)
                .build();
    }

    /** The characters in a row; a single character, which has no pairs, as a word. */
    private static Query phrase(Analyzer analyzer, String text) {
        if (text.codePointCount(0, text.length()) < 2) {
            return text.isBlank() ? null : wordTerm(text);
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean added = false;
        for (String[] field : new String[][]{{TITLE_BIGRAMS, "t"}, {META_BIGRAMS, "m"}, {BODY_BIGRAMS, "b"}}) {
            Query q = builder.createPhraseQuery(field[0], text);
            if (q != null) {
                float boost = field[1].equals("t") ? TITLE_BOOST : field[1].equals("m") ? META_BOOST : 1f;
                any.add(new BoostQuery(q, boost), Occur.SHOULD);
                added = true;
            }
        }
        return added ? any.build() : null;
    }

    /**
     * Alternatives, any of which matches, each adding its score: a query is built from nested disjunctions
     * (forms of a unit, fields of a form, a word and its characters in a row), and the same term or phrase
     * often comes up twice with different boosts. Kept flat, with a repeated clause once and its boosts
     * added, it scores exactly the same, since BM25 is linear in the boost, while Lucene walks each postings
     * list once and can use its cheaper scorers for a single-level disjunction of terms.
     */
    private static final class Disjunction {

        private final Map<Query, Float> weights = new LinkedHashMap<>();

        void add(Query query, float boost) {
            if (query instanceof BoostQuery boosted) {
                add(boosted.getQuery(), boost * boosted.getBoost());
            } else if (query instanceof BooleanQuery bool && onlyShould(bool)) {
                bool.clauses().forEach(c -> add(c.query(), boost));
            } else {
                weights.merge(query, boost, Float::sum);
            }
        }

        /** Whether every clause of the query is already one of these alternatives. */
        boolean covers(Query query) {
            Disjunction other = new Disjunction();
            other.add(query, 1f);
            return weights.keySet().containsAll(other.weights.keySet());
        }

        boolean isEmpty() {
            return weights.isEmpty();
        }

        /** Null when there are no alternatives. */
        Query build() {
            if (weights.isEmpty()) {
                return null;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            weights.forEach((q, w) -> any.add(w == 1f ? q : new BoostQuery(q, w), Occur.SHOULD));
            return any.build();
        }

        private static boolean onlyShould(BooleanQuery bool) {
            return bool.getMinimumNumberShouldMatch() == 0 && bool.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD);
        }
    }

    /**
     * The tokens side by side, or with {@code slop} positions between them in all but always in order: a
     * sloppy phrase would also match them swapped (a swap costs 2 of its slop), scattered matches that are
     * noise for a reader's pinyin and that the search engine's {@code span_near} would not find, so both
     * backends answer the same articles. In order, a span's slop and a phrase's slop count the same gaps.
     */
    private static Query sequence(String field, List<String> tokens, int slop) {
        if (slop == 0 || tokens.size() == 1) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            tokens.forEach(t -> phrase.add(new Term(field, t)));
            return phrase.build();
        }
        SpanQuery[] spans = tokens.stream().map(t -> new SpanTermQuery(new Term(field, t))).toArray(SpanQuery[]::new);
        return new SpanNearQuery(spans, slop, true);
    }
}
