import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.steward.adapter.docker.DockerAgentRuntime;
import dev.steward.adapter.docker.DockerSettings;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Starts agents exactly as the Docker runtime creates them (its real {@code DockerAgentRuntime.ensure}, with the
 * settings the control plane reads from the environment: limits, restart policy, init, host.docker.internal, the
 * engine health check or none), for bench/agent-idle.sh's {@code AS_RUNTIME=1}. Run with the JDK's source launcher
 * on the control plane's jar:
 *
 * <pre>java -cp bootstrap/target/steward.jar bench/RuntimeAgents.java AGENTS IMAGE CONTROL_PLANE_URL INSTALLATION</pre>
 *
 * The environment is read as the control plane reads it ({@code STEWARD_AGENT_HEALTH_INTERVAL_MS} and the rest), so
 * the agents get what an installation with that environment would give them.
 */
public final class RuntimeAgents {

    public static void main(String[] args) {
        int agents = Integer.parseInt(args[0]);
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("STEWARD_AGENT_IMAGE", args[1]);
        env.put("STEWARD_CONTROL_PLANE_URL", args[2]);
        env.put("STEWARD_INSTALLATION_ID", args[3]);
        env.put("STEWARD_RUNTIME", "docker");
        DockerSettings settings = DockerSettings.from(env);
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(settings.dockerHost()).build();
        var docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60)).build());
        var runtime = new DockerAgentRuntime(docker, settings, new InMemoryAgentCredentials(), Clock.systemUTC());
        MspId msp = new MspId(UUID.randomUUID());
        for (int i = 1; i <= agents; i++) {
            runtime.ensure(new AgentSpec(new ClientId(UUID.randomUUID()), msp, new Slug("idle-" + i), 1));
        }
        System.out.println("started " + agents + " agents as the runtime creates them (health check "
                + (settings.healthCheckOn() ? "every " + settings.healthInterval().toMillis() + " ms" : "none") + ")");
    }
}
