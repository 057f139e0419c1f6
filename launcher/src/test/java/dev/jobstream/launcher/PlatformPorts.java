package dev.jobstream.launcher;

import java.lang.reflect.Field;
import java.util.Collection;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ports of the services of a running platform, beyond the gateway's.
 *
 * <p>Limitation: {@link JobstreamPlatform} names only the gateway's port; until it names the others, the tests
 * find the projector among the contexts the platform started, which reflection reads.
 */
final class PlatformPorts {

    private PlatformPorts() {
    }

    /** The port of the projector, which serves the live dashboard. */
    static int projector(JobstreamPlatform platform) {
        for (Object part : startedParts(platform)) {
            if (part instanceof ConfigurableApplicationContext context
                    && "jobstream-projector".equals(context.getEnvironment().getProperty("spring.application.name"))) {
                return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            }
        }
        throw new IllegalStateException("the platform runs no projector");
    }

    private static Collection<?> startedParts(JobstreamPlatform platform) {
        try {
            Field started = JobstreamPlatform.class.getDeclaredField("started");
            started.setAccessible(true);
            return (Collection<?>) started.get(platform);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot find the services the platform started", e);
        }
    }
}
