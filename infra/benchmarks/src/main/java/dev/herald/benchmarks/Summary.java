package dev.herald.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's CSV results into the table the README carries: reports per second, the megabytes of UTF-8
 * that makes (1 MB = 10^6 bytes, from the mean size of the benchmark's texts), and each figure against
 * sensitive-word's on texts of the same size.
 */
public final class Summary {

    private Summary() {
    }

    private record Row(String benchmark, String size, double score, double error) {
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replace("\"", "").split(",");
            if (cells.length < 8 || !cells[1].equals("thrpt")) {
                continue;
            }
            String name = cells[0].substring(cells[0].lastIndexOf('.') + 1);
            rows.add(new Row(name, cells[7], Double.parseDouble(cells[4]), parse(cells[5])));
        }
        Map<String, Double> baseline = new HashMap<>();
        Map<String, Double> bytes = new HashMap<>();
        for (Row row : rows) {
            if (row.benchmark().equals("sensitiveWord")) {
                baseline.put(row.size(), row.score());
            }
            bytes.computeIfAbsent(row.size(), size -> new ScreeningInputs().texts(size).meanUtf8Bytes());
        }
        System.out.println();
        System.out.println("| benchmark | texts | reports/s | ± (99.9%) | MB/s | vs sensitive-word |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Row row : rows) {
            Double base = baseline.get(row.size());
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.1f | %s |%n", row.benchmark(), row.size(), row.score(),
                    row.error(), row.score() * bytes.get(row.size()) / 1e6, base == null ? "" : String.format(Locale.ROOT, "%.2f×", row.score() / base));
        }
    }

    private static double parse(String cell) {
        return cell.isBlank() || cell.equals("NaN") ? Double.NaN : Double.parseDouble(cell);
    }
}
