package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.herald.moderation.screening.evaluation.TextCraft.pick;

/**
 * A report submitted again with the small edits republication brings: a date or a figure corrected, a
 * by-line or an editor's line added, a sentence dropped, the punctuation of another editor, or the page
 * it was published on pasted along.
 */
final class Republisher {

    enum Edit { SHIFT_DATE, CHANGE_NUMBER, DROP_SENTENCE, LEAD_LINE, EDITOR_LINE, HALF_WIDTH, MERGE_PARAGRAPHS, SOURCE_LINE,
        NEW_TITLE, PAGE }

    private static final List<List<Edit>> RECIPES = List.of(
            List.of(Edit.SHIFT_DATE),
            List.of(Edit.CHANGE_NUMBER, Edit.EDITOR_LINE),
            List.of(Edit.DROP_SENTENCE),
            List.of(Edit.LEAD_LINE),
            List.of(Edit.HALF_WIDTH, Edit.MERGE_PARAGRAPHS),
            List.of(Edit.NEW_TITLE, Edit.SHIFT_DATE),
            List.of(Edit.PAGE),
            List.of(Edit.SHIFT_DATE, Edit.CHANGE_NUMBER),
            List.of(Edit.SOURCE_LINE),
            List.of(Edit.CHANGE_NUMBER, Edit.PAGE),
            List.of(Edit.DROP_SENTENCE, Edit.EDITOR_LINE),
            List.of(Edit.LEAD_LINE, Edit.SHIFT_DATE, Edit.HALF_WIDTH));

    private static final Pattern DATE = Pattern.compile("(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d{2,4})(?![\\d.月日年%])");
    private static final List<String> CHANNELS = List.of("工作动态", "党建动态", "社区动态", "医院新闻");

    private final Random random;
    private final PageChrome chrome;

    Republisher(Random random, PageChrome chrome) {
        this.random = random;
        this.chrome = chrome;
    }

    List<EvaluationCase> republish(List<EvaluationCase> sources) {
        List<EvaluationCase> taken = TextCraft.take(sources, RECIPES.size(), random);
        List<EvaluationCase> cases = new ArrayList<>();
        for (int i = 0; i < RECIPES.size(); i++) {
            cases.add(republish(String.format("duplicate-%02d", i + 1), taken.get(i), RECIPES.get(i)));
        }
        return cases;
    }

    private EvaluationCase republish(String id, EvaluationCase original, List<Edit> edits) {
        String title = original.title();
        String channel = original.channel();
        String body = original.body();
        for (Edit edit : edits) {
            switch (edit) {
                case SHIFT_DATE -> body = shiftDate(body);
                case CHANGE_NUMBER -> body = changeNumber(body);
                case DROP_SENTENCE -> body = dropSentence(body);
                case LEAD_LINE -> body = "本报讯（通讯员 " + pick(random, TextCraft.NAMES) + "）" + body;
                case EDITOR_LINE -> body = body + "\n\n（编辑：" + pick(random, TextCraft.NAMES) + "  审核：" + pick(random, TextCraft.NAMES) + "）";
                case HALF_WIDTH -> body = body.replace('，', ',').replace('：', ':').replace('；', ';').replace('（', '(')
                        .replace('）', ')').replace('！', '!').replace('？', '?');
                case MERGE_PARAGRAPHS -> body = body.replaceFirst("\n\n", "");
                case SOURCE_LINE -> body = body + "\n\n本文转载自" + original.channel() + "栏目，原标题：" + original.title() + "。";
                case NEW_TITLE -> {
                    title = "【转载】" + title;
                    channel = pick(random, CHANNELS.stream().filter(c -> !c.equals(original.channel())).toList());
                }
                case PAGE -> body = chrome.wrap(title, channel, body, PageChrome.REPUBLISHED);
            }
        }
        Set<String> kinds = edits.contains(Edit.PAGE) ? PageChrome.expectedKinds(Set.of("DUPLICATE"), title, body) : Set.of("DUPLICATE");
        String note = "republication of " + original.id() + ": "
                + edits.stream().map(e -> e.name().toLowerCase().replace('_', ' ')).collect(Collectors.joining(", "));
        return new EvaluationCase(id, Category.NEAR_DUPLICATE, kinds, Verdict.NEEDS_ATTENTION, original.id(),
                List.of(original.id()), note, title, original.unit(), channel, body);
    }

    private String shiftDate(String body) {
        Matcher m = DATE.matcher(body);
        if (!m.find()) {
            return changeNumber(body);
        }
        int day = Integer.parseInt(m.group(2));
        return body.substring(0, m.start()) + m.group(1) + "月" + (day >= 28 ? day - 1 : day + 1) + "日" + body.substring(m.end());
    }

    private String changeNumber(String body) {
        Matcher m = NUMBER.matcher(body);
        if (!m.find()) {
            return body;
        }
        return body.substring(0, m.start()) + (Integer.parseInt(m.group(1)) + 2 + random.nextInt(8)) + body.substring(m.end());
    }

    /** One sentence of middling length from the middle of the report. */
    private String dropSentence(String body) {
        List<String> paragraphs = TextCraft.paragraphs(body);
        int p = paragraphs.size() / 2;
        List<String> sentences = TextCraft.sentences(paragraphs.get(p));
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).length() >= 15 && sentences.get(i).length() <= 80) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty() || sentences.size() < 2) {
            return body;
        }
        sentences.remove((int) pick(random, candidates));
        paragraphs.set(p, String.join("", sentences));
        return TextCraft.join(paragraphs);
    }
}
