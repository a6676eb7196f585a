package dev.herald.corpus;

import java.util.SplittableRandom;

/** Report bodies: paragraphs from the text model until a length drawn per report, cut at a full stop. */
final class Bodies {

    static final int MIN_LENGTH = 500;
    static final int MAX_LENGTH = 3000;
    /** A short line without a full stop is a section heading, as the real reports have them. */
    private static final int HEADING_LENGTH = 40;

    private final TextModel model;

    Bodies(TextModel model) {
        this.model = model;
    }

    String body(SplittableRandom random, Cast cast) {
        // the mean of two uniform draws: lengths spread over the whole range, most near the middle
        int target = MIN_LENGTH + (random.nextInt(MAX_LENGTH - MIN_LENGTH) + random.nextInt(MAX_LENGTH - MIN_LENGTH)) / 2;
        StringBuilder body = new StringBuilder(MAX_LENGTH + 800);
        boolean endsWithHeading = false;
        while (body.length() < target || endsWithHeading) {
            if (!body.isEmpty()) {
                body.append('\n');
            }
            int start = body.length();
            model.paragraph(random, cast, body, 120 + random.nextInt(300), 700);
            Punctuation.balance(body, start);
            endsWithHeading = body.length() - start < HEADING_LENGTH && body.indexOf("。", start) < 0;
        }
        return cut(body);
    }

    private static String cut(StringBuilder body) {
        if (body.length() <= MAX_LENGTH) {
            return body.toString();
        }
        int stop = body.lastIndexOf("。", MAX_LENGTH - 1);
        return stop >= MIN_LENGTH ? body.substring(0, stop + 1) : body.substring(0, MAX_LENGTH);
    }
}
