package dev.jobstream.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a process's memory from Linux's {@code /proc}; elsewhere there is nothing to read.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** The peak resident set size (VmHWM), in bytes. */
    static Optional<Long> peakRss(long pid) {
        return field(Path.of("/proc", String.valueOf(pid), "status"), "VmHWM:");
    }

    /** The proportional set size: resident memory with shared pages divided among their users, in bytes. */
    static Optional<Long> proportionalSet(long pid) {
        return field(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:");
    }

    static String megabytes(long bytes) {
        return String.format("%.0f MB", bytes / 1_048_576.0);
    }

    private static Optional<Long> field(Path file, String name) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(name))
                    .findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
