package dev.herald.corpus;

/** Prints a few generated reports, to read what the generator writes: {@code PrintSamples [seed] [count]}. */
public final class PrintSamples {

    private PrintSamples() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        new ReportGenerator(seed).stream(count).forEach(report -> System.out.printf(
                "%s | %s | %s | %s%n%s%n%s%nauthor=%s contributor=%s tags=%s%n%s%n%n", report.id(), report.unit(),
                report.channel(), report.publishedAt(), report.title(), report.subtitle(), report.author(),
                report.contributor(), report.tags(), report.body()));
    }
}
