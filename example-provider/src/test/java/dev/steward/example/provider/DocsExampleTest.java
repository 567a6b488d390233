package dev.steward.example.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/writing-an-adapter.md shows this module's provider as it is, so the example in the docs always compiles. */
class DocsExampleTest {

    @Test
    void theGuideShowsTheProviderTheBuildCompiles() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "writing-an-adapter.md"));
        String source = Files.readString(Path.of("src", "main", "java", "dev", "steward", "example", "provider",
                "CannedAnswersProvider.java"));
        int begin = guide.indexOf("<!-- example:begin -->\n```java\n");
        int end = guide.indexOf("```\n<!-- example:end -->");
        assertThat(begin).as("the guide marks its example").isNotNegative();
        assertThat(guide.substring(begin + "<!-- example:begin -->\n```java\n".length(), end)).isEqualTo(source);
    }
}
