package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every profile's bindings are complete: checked in Stage.TOOL, where nothing is instantiated or started. */
class WiringTest {

    @Test
    void theEmbeddedDefaultProfileIsFullyBound() {
        StewardConfig config = StewardConfig.from(Map.of());
        assertThatCode(() -> Guice.createInjector(Stage.TOOL, Profiles.modulesFor(config))).doesNotThrowAnyException();
    }
}
