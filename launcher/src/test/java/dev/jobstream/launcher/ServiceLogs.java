package dev.jobstream.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Captures the log lines of the three services, at DEBUG, where per-job steps are logged, with the MDC each line
 * was logged with. Attach it once the platform runs: starting a service configures logging anew.
 */
final class ServiceLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final List<String> SERVICES = List.of(
            "dev.jobstream.gateway", "dev.jobstream.processor", "dev.jobstream.projector");

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Map<String, Level> levelsBefore = new HashMap<>();

    /** A line: the logger that wrote it, and its MDC. */
    record Line(String logger, Map<String, String> mdc) {

        boolean isOf(String servicePackage) {
            return logger.startsWith(servicePackage + ".");
        }

        boolean isAboutJob(String jobId) {
            return jobId.equals(mdc.get("jobId"));
        }

        String traceId() {
            return Objects.requireNonNullElse(mdc.get("traceId"), "");
        }
    }

    static ServiceLogs capture() {
        ServiceLogs logs = new ServiceLogs();
        logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        for (String service : SERVICES) {
            Logger logger = logger(service);
            logs.levelsBefore.put(service, logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.addAppender(logs);
        }
        return logs;
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(new Line(event.getLoggerName(), Map.copyOf(event.getMDCPropertyMap())));
    }

    /** The lines a service logged about a job. */
    List<Line> aboutJob(String servicePackage, String jobId) {
        return lines.stream().filter(line -> line.isOf(servicePackage) && line.isAboutJob(jobId)).toList();
    }

    @Override
    public void close() {
        for (String service : SERVICES) {
            Logger logger = logger(service);
            logger.detachAppender(this);
            logger.setLevel(levelsBefore.get(service));
        }
        stop();
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
