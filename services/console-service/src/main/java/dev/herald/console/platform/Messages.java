package dev.herald.console.platform;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * A service's problem in words a person reads (from messages.properties): what went wrong, the service's
 * own detail, and which fields.
 */
@Component
public class Messages {

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... arguments) {
        return source.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    public String of(ApiProblem problem) {
        String what = source.getMessage("problem." + problem.status(), new Object[]{get(problem.service())}, null,
                LocaleContextHolder.getLocale());
        StringBuilder message = new StringBuilder(what != null ? what : get("problem.other", get(problem.service()), problem.status()));
        if (problem.detail() != null && !problem.detail().isBlank()) {
            message.append(get("problem.detail", problem.detail()));
        }
        if (!problem.errors().isEmpty()) {
            message.append(get("problem.fields", problem.errors().stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("；"))));
        }
        return message.toString();
    }

    public String of(Unavailable unavailable) {
        return get("problem.unavailable", get(unavailable.service()));
    }
}
