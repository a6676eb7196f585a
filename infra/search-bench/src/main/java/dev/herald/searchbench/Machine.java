package dev.herald.searchbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on, printed beside them. */
record Machine(int cores, String cpu, String jdk, long heapMb) {

    static Machine describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException notLinux) {
            // the CPU's name is only for the record
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.vm.vendor") + " " + Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
    }

    @Override
    public String toString() {
        return "%d cores (%s), JDK %s".formatted(cores, cpu, jdk);
    }
}
