package dev.jobstream.gateway.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthPropertiesTest {

    @Test
    void apiKeyModeWithoutAnAdminKeyDoesNotStart() {
        assertThatThrownBy(() -> new AuthProperties("api-key", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("admin-key");
        assertThatThrownBy(() -> new AuthProperties("api-key", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userIdModeNeedsNoAdminKey() {
        assertThat(new AuthProperties("x-user-id", null).apiKeys()).isFalse();
    }

    @Test
    void unknownModeAndShortAdminKeyAreRefused() {
        assertThatThrownBy(() -> new AuthProperties("trust-me", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthProperties("api-key", "short")).isInstanceOf(IllegalArgumentException.class);
    }
}
