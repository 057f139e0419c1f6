package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.Topics;
import dev.jobstream.projector.intake.TopicProperties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The dashboard's WebSocket endpoint, {@code /ws/jobs}, and the threads that send to its pages. The endpoint
 * accepts pages of its own origin only: the page is served by the projector itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfiguration implements WebSocketConfigurer {

    /** Where pages connect. */
    static final String ENDPOINT = "/ws/jobs";

    private final DashboardSocketHandler handler;

    DashboardConfiguration(@Lazy DashboardSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, ENDPOINT);
    }

    /**
     * The API keys the gateway grants, read in the {@code api-key} mode; declared here too, since the projector
     * may start before the gateway. Compacted, as the gateway declares it.
     */
    @Bean
    NewTopic apiKeysTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.API_KEYS).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).compact().build();
    }

    /**
     * Sends to the pages: a thread sends to one page at a time and only while something is queued for it, so a
     * page that does not read holds at most one thread, for at most the server's send timeout.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService dashboardSender() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "dashboard-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
