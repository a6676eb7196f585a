package dev.herald.moderation.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classification markings (密级: 秘密, 机密, 绝密 with ★ or 级) and the phrases that mark a text as never to be
 * published (内部资料, 不得外传, 内部使用 ...): nothing classified may go online, so each is a HIGH finding with
 * its span, and the report goes to a leader's sign-off. Reports talk about secrets all the time (保守秘密,
 * 秘密武器, 涉密文件管理), so the bare words are never enough: a level word counts only with its star, its 级 or
 * its brackets, and a weak phrase only where it stands as a marking, alone on its line or in brackets.
 */
final class ConfidentialityDetector {

    private static final String LEVEL = "(?:绝密|机密|秘密)";
    private static final Pattern MARKING = Pattern.compile(
            "[★☆]\\s*" + LEVEL + "|" + LEVEL + "\\s*[★☆](?:\\s*[0-9０-９一二三四五六七八九十]+\\s*年)?|" + LEVEL + "\\s*级(?!别)"
                    + "|[【\\[（(〔]\\s*" + LEVEL + "\\s*[】\\]）)〕]|密级\\s*[:：]\\s*\\S+");
    /** Phrases that mean "not for publication" wherever they stand. */
    private static final Pattern NEVER = Pattern.compile("(?:不得|严禁|禁止|请勿|切勿)(?:对外|向外)?外传|(?:仅供|仅限|只供|限)内部");
    /** Phrases that are markings only when they stand as one: prose may mention 内部文件 without being one. */
    private static final Pattern WEAK = Pattern.compile("内部资料|内部文件|内部使用|内部传阅|注意保密");
    private static final Pattern BRACKETED = Pattern.compile("[【\\[（(〔<《]\\s*$");
    /** A marking line: a few words, no sentence. */
    private static final int MARKING_LINE = 16;

    List<Finding> inspect(ScreeningInput input) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(inspect("title", input.title()));
        findings.addAll(inspect("body", input.body()));
        return findings;
    }

    List<Finding> inspect(String field, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        Matcher m = MARKING.matcher(text);
        while (m.find()) {
            findings.add(finding("classification marking", m, field));
        }
        m = NEVER.matcher(text);
        while (m.find()) {
            findings.add(finding("never-publish phrase", m, field));
        }
        m = WEAK.matcher(text);
        while (m.find()) {
            if (standsAsMarking(text, m.start(), m.end())) {
                findings.add(finding("never-publish marking", m, field));
            }
        }
        return findings;
    }

    private static boolean standsAsMarking(String text, int start, int end) {
        if (BRACKETED.matcher(text.substring(Math.max(0, start - 3), start)).find()) {
            return true;
        }
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        return line.replaceAll("[\\s\\p{P}★☆]", "").length() <= MARKING_LINE;
    }

    private static Finding finding(String what, Matcher m, String field) {
        return new Finding(Finding.Kind.CONFIDENTIAL, Finding.Severity.HIGH, what + " \"" + m.group().strip() + "\": never publish",
                field, m.start(), m.end());
    }
}
