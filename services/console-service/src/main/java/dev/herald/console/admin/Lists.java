package dev.herald.console.admin;

import java.util.Arrays;
import java.util.List;

/** Lists as an administrator types them: separated by commas (Chinese or not), enumeration commas or line breaks. */
final class Lists {

    private Lists() {
    }

    static List<String> split(String typed) {
        return Arrays.stream(typed.split("[,，、;；\\r\\n]+")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** One list per line (a synonym group), its words separated as {@link #split} does, or by spaces. */
    static List<List<String>> groups(String typed) {
        return typed.lines().map(line -> Arrays.stream(line.split("[,，、;；\\s]+")).map(String::strip).filter(v -> !v.isEmpty()).toList())
                .filter(group -> !group.isEmpty()).toList();
    }
}
