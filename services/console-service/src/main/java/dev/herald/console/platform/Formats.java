package dev.herald.console.platform;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Dates as pages show them: in the platform's zone, to the minute ({@code ${@formats.time(x)}} in templates). */
@Component("formats")
public class Formats {

    private final DateTimeFormatter minutes;
    private final DateTimeFormatter days;
    private final String zone;

    public Formats(ConsoleProperties properties) {
        this.zone = properties.zone().getId();
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.zone());
        this.days = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(properties.zone());
    }

    public String time(Instant at) {
        return at == null ? "" : minutes.format(at);
    }

    /** The zone a time typed into a form is read in, named beside the field. */
    public String zone() {
        return zone;
    }

    public String date(Instant at) {
        return at == null ? "" : days.format(at);
    }
}
