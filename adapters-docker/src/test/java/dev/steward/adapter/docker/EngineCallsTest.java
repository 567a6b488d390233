package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.UnauthorizedException;
import dev.steward.application.problem.PortFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class EngineCallsTest {

    private final EngineCalls engine = new EngineCalls("unix:///var/run/docker.sock");

    @Test
    void badRequestIsPermanentAndKeepsTheEnginesWords() {
        PortFailure failure = engine.translate("create container x",
                new BadRequestException("Status 400: {\"message\":\"invalid reference format\"}"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.port()).isEqualTo("agent-runtime");
        assertThat(failure).hasMessage("create container x failed: invalid reference format");
    }

    @Test
    void missingImageIsRetryable() {
        PortFailure failure = engine.translate("create container x",
                new NotFoundException("Status 404: {\"message\":\"No such image: steward/agent:dev\"}"));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("No such image: steward/agent:dev");
    }

    @Test
    void engineSideErrorsAreRetryable() {
        assertThat(engine.translate("start", new InternalServerErrorException("cannot allocate memory"))
                .retryable()).isTrue();
        assertThat(engine.translate("create", new ConflictException("name in use")).retryable()).isTrue();
    }

    @Test
    void otherClientErrorsArePermanent() {
        assertThat(engine.translate("list", new UnauthorizedException("no")).retryable()).isFalse();
    }

    @Test
    void anUnreachableEngineIsRetryableAndNamesTheHost() {
        PortFailure failure = engine.translate("list agent containers",
                new RuntimeException(new UncheckedIOException(new IOException("Connection refused"))));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("Docker engine unreachable at unix:///var/run/docker.sock")
                .hasMessageContaining("Connection refused");
    }

    @Test
    void aProgrammingErrorIsPermanent() {
        assertThat(engine.translate("list", new IllegalStateException("bug")).retryable()).isFalse();
    }
}
