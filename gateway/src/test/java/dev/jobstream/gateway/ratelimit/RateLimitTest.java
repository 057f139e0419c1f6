package dev.jobstream.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.Topics;
import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayApplication;
import dev.jobstream.gateway.GatewayClient;
import dev.jobstream.gateway.JobBodies;
import dev.jobstream.gateway.ReadModelTestSchema;
import dev.jobstream.gateway.TestInfrastructureProperties;
import dev.jobstream.gateway.TopicReader;
import dev.jobstream.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The default limits of the {@code x-user-id} mode, 10 submissions and 100 requests a minute per user, and a
 * user's own limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayApplication.CONFIG_NAME,
    "jobstream.gateway.rate-limits.users." + RateLimitTest.GENEROUS_USER + ".submissions-per-minute=12"})
@Import(ReadModelTestSchema.class)
class RateLimitTest {

    static final String GENEROUS_USER = "generous-user";

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructureProperties.register(registry);
    }

    @Test
    void eleventhSubmissionWithinAMinuteIsRefusedWithRetryAfter() {
        String user = aNewUser();
        double rejectedBefore = rejections("submission-limit");
        submitAccepted(user, 9);

        ApiResponse tenth = gateway().submit(user, JobBodies.sleepJob(1));
        ApiResponse eleventh = gateway().submit(user, JobBodies.sleepJob(1));

        assertThat(tenth.status()).isEqualTo(202);
        assertThat(tenth.header("RateLimit-Policy")).isEqualTo("\"requests\";q=100;w=60, \"submissions\";q=10;w=60");
        assertThat(tenth.header("RateLimit")).matches("\"requests\";r=90;t=\\d+, \"submissions\";r=0;t=\\d+");
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(eleventh.header("Retry-After"))).isBetween(1, 60);
        assertThat(eleventh.header("RateLimit")).matches("\"requests\";r=89;t=\\d+, \"submissions\";r=0;t=\\d+");
        assertThat(rejections("submission-limit")).isEqualTo(rejectedBefore + 1);
        assertThat(jobsTopic().allRecords()).filteredOn(job -> new String(job.value(), StandardCharsets.UTF_8)
                .contains(user)).hasSize(10);
    }

    @Test
    void hundredAndFirstRequestWithinAMinuteIsRefused() {
        String user = aNewUser();
        IntStream.range(0, 99).forEach(request -> assertThat(gateway().get(user, "/api/jobs").status())
                .isEqualTo(200));

        ApiResponse hundredth = gateway().get(user, "/api/jobs");
        ApiResponse hundredAndFirst = gateway().get(user, "/api/jobs");

        assertThat(hundredth.status()).isEqualTo(200);
        assertThat(hundredth.header("RateLimit-Policy")).isEqualTo("\"requests\";q=100;w=60");
        assertThat(hundredth.header("RateLimit")).matches("\"requests\";r=0;t=([1-9]|[1-5][0-9]|60)");
        assertThat(hundredAndFirst.status()).isEqualTo(429);
        assertThat(hundredAndFirst.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(hundredAndFirst.header("Retry-After"))).isBetween(1, 60);
        assertThat(hundredAndFirst.header("RateLimit")).startsWith("\"requests\";r=0;t=");
    }

    @Test
    void oneUsersLimitDoesNotHoldBackAnother() {
        String busy = aNewUser();
        String other = aNewUser();
        submitAccepted(busy, 10);

        ApiResponse busyAgain = gateway().submit(busy, JobBodies.sleepJob(1));
        ApiResponse otherFirst = gateway().submit(other, JobBodies.sleepJob(1));

        assertThat(busyAgain.status()).isEqualTo(429);
        assertThat(otherFirst.status()).isEqualTo(202);
        assertThat(otherFirst.header("RateLimit")).matches("\"requests\";r=99;t=\\d+, \"submissions\";r=9;t=\\d+");
    }

    @Test
    void userWithALimitOfItsOwnGetsThatLimit() {
        submitAccepted(GENEROUS_USER, 12);

        ApiResponse thirteenth = gateway().submit(GENEROUS_USER, JobBodies.sleepJob(1));

        assertThat(thirteenth.status()).isEqualTo(429);
        assertThat(thirteenth.header("RateLimit-Policy")).endsWith("\"submissions\";q=12;w=60");
    }

    @Test
    void idempotentReplayOfAnAcceptedJobUsesNoSubmissionQuota() {
        String user = aNewUser();
        ApiResponse first = gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "once");
        IntStream.range(0, 15).forEach(repeat -> assertThat(
                gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "once").header("Idempotent-Replayed"))
                .isEqualTo("true"));

        submitAccepted(user, 9);
        ApiResponse overTheLimit = gateway().submit(user, JobBodies.sleepJob(1));

        assertThat(first.status()).isEqualTo(202);
        assertThat(overTheLimit.status()).isEqualTo(429);
    }

    private void submitAccepted(String user, int jobs) {
        IntStream.range(0, jobs).forEach(job -> assertThat(gateway().submit(user, JobBodies.sleepJob(1)).status())
                .isEqualTo(202));
    }

    private double rejections(String reason) {
        Counter counter = meters.find("jobstream.gateway.rejections").tag("reason", reason).counter();
        return counter != null ? counter.count() : 0;
    }

    private static TopicReader jobsTopic() {
        return new TopicReader(TestInfrastructure.shared().bootstrapServers(), Topics.JOBS);
    }

    private GatewayClient gateway() {
        return new GatewayClient(port);
    }

    private static String aNewUser() {
        return "user-" + UUID.randomUUID();
    }
}
