package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service's {@code /actuator/prometheus}, read as Prometheus reads it: series by name and labels.
 */
final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Series> series;

    private PrometheusScrape(List<Series> series) {
        this.series = series;
    }

    /** Scrapes the service on this port. */
    static PrometheusScrape of(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return new PrometheusScrape(response.body().lines().filter(line -> !line.startsWith("#"))
                    .map(PrometheusScrape::parse).toList());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The series of this name with these labels (name/value pairs), and any others. */
    List<Series> series(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return series.stream().filter(one -> one.name().equals(name))
                .filter(one -> one.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }

    /** The sum of the values of those series; 0 when there is none. */
    double sum(String name, String... labels) {
        return series(name, labels).stream().mapToDouble(Series::value).sum();
    }

    private static Series parse(String line) {
        Matcher sample = SAMPLE.matcher(line);
        assertThat(sample.matches()).as(line).isTrue();
        Map<String, String> labels = new HashMap<>();
        if (sample.group(2) != null) {
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return new Series(sample.group(1), Map.copyOf(labels), Double.parseDouble(sample.group(3)));
    }

    /** One series: its name, labels and current value. */
    record Series(String name, Map<String, String> labels, double value) {
    }
}
