package dev.jobstream.launcher;

import dev.jobstream.embedded.EmbeddedKafkaBroker;
import dev.jobstream.embedded.EmbeddedPostgresServer;
import dev.jobstream.gateway.GatewayApplication;
import dev.jobstream.processor.ProcessorApplication;
import dev.jobstream.projector.ProjectorApplication;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka, PostgreSQL and the three services, running in this JVM.
 *
 * <p>Kafka and PostgreSQL start side by side, then the services one after another. The projector starts first,
 * since it owns the read model the gateway reads, and stops last of the services; the gateway starts last and
 * stops first, so no job is accepted that nothing would run.
 */
public final class JobstreamPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobstreamPlatform.class);

    /**
     * The dashboard authenticates its viewers as the gateway authenticates callers: the same mode and admin key,
     * however they are set (environment, arguments). Default properties, so that a setting of the projector's own
     * still wins.
     */
    private static final String[] DASHBOARD_AUTH_AS_GATEWAY = {
        "jobstream.projector.dashboard.auth.mode=${jobstream.gateway.auth.mode:x-user-id}",
        "jobstream.projector.dashboard.auth.admin-key=${jobstream.gateway.auth.admin-key:}"
    };

    /** What started, latest first; Kafka and PostgreSQL start side by side. */
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private @Nullable ConfigurableApplicationContext gateway;
    private @Nullable ConfigurableApplicationContext projector;
    private @Nullable ConfigurableApplicationContext processor;

    private JobstreamPlatform() {
    }

    /** Starts everything the settings ask for; on failure, stops what had started and rethrows. */
    public static JobstreamPlatform start(LauncherSettings settings) {
        JobstreamPlatform platform = new JobstreamPlatform();
        try {
            platform.startAll(settings);
            return platform;
        } catch (RuntimeException failure) {
            platform.close();
            throw failure;
        }
    }

    /** The port the REST API listens on. */
    public int gatewayPort() {
        return portOf(gateway, "gateway");
    }

    /** The port the processor's actuator endpoints listen on. */
    public int processorPort() {
        return portOf(processor, "processor");
    }

    /** The port the projector, and with it the live dashboard, listens on. */
    public int projectorPort() {
        return portOf(projector, "projector");
    }

    private static int portOf(@Nullable ConfigurableApplicationContext service, String name) {
        if (service == null) {
            throw new IllegalStateException("the " + name + " is not running");
        }
        return Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        if (started.isEmpty()) {
            return;
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("Could not stop a part of the platform cleanly", e);
            }
        }
        log.info("Jobstream stopped");
    }

    private void startAll(LauncherSettings settings) {
        ExecutorService kafkaStarter = Executors.newSingleThreadExecutor(task -> new Thread(task, "kafka-start"));
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(() -> kafka(settings), kafkaStarter);
        kafkaStarter.shutdown();
        LauncherSettings.Database database;
        try {
            database = database(settings);
        } catch (RuntimeException failure) {
            kafka.handle((bootstrap, kafkaFailure) -> bootstrap).join();
            throw failure;
        }
        List<String> infrastructure = new ArrayList<>();
        infrastructure.add("--spring.kafka.bootstrap-servers=" + joined(kafka));
        infrastructure.add("--spring.datasource.url=" + database.jdbcUrl());
        infrastructure.add("--spring.datasource.username=" + database.username());
        infrastructure.add("--spring.datasource.password=" + database.password());

        projector = service(ProjectorApplication.class, "projector", settings.projectorPort(), infrastructure,
                settings, DASHBOARD_AUTH_AS_GATEWAY);
        processor = service(ProcessorApplication.class, "processor", settings.processorPort(), infrastructure,
                settings);
        gateway = service(GatewayApplication.class, "gateway", settings.gatewayPort(), infrastructure, settings);
    }

    /** The future's value once it completes; its failure is rethrown as it was. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private String kafka(LauncherSettings settings) {
        if (settings.externalKafka() != null) {
            return settings.externalKafka();
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"),
                settings.kafkaPort());
        started.push(broker);
        return broker.bootstrapServers();
    }

    private LauncherSettings.Database database(LauncherSettings settings) {
        if (settings.externalDatabase() != null) {
            return settings.externalDatabase();
        }
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"),
                settings.postgresPort());
        started.push(postgres);
        return new LauncherSettings.Database(postgres.jdbcUrl(), postgres.username(), "");
    }

    private ConfigurableApplicationContext service(Class<?> application, String name, int port,
            List<String> infrastructure, LauncherSettings settings, String... defaults) {
        List<String> args = new ArrayList<>(infrastructure);
        args.add("--server.port=" + port);
        args.addAll(settings.serviceArgs());
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + name)
                .properties(defaults)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
        started.push(context);
        return context;
    }
}
