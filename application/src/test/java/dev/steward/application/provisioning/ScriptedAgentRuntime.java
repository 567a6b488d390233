package dev.steward.application.provisioning;

import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A runtime for reconciler tests: the in-process runtime underneath, with scripted failures in front of
 * {@link #ensure} and bookkeeping of every ensure call (how many per client, how many at once per client).
 */
final class ScriptedAgentRuntime implements AgentRuntime {

    /** What the next ensure call does instead of (or before) reaching the real runtime. */
    interface Step extends Function<AgentSpec, ObservedAgent> {}

    private final AgentRuntime delegate;
    private final Deque<Step> script = new ArrayDeque<>();
    private final Map<ClientId, AtomicInteger> ensureCalls = new ConcurrentHashMap<>();
    private final Map<ClientId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<ClientId, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
    private final AtomicInteger allInFlight = new AtomicInteger();
    private final AtomicInteger mostOfAllAtOnce = new AtomicInteger();
    private final java.util.Set<ClientId> duplicated = ConcurrentHashMap.newKeySet();
    private final Map<ClientId, ObservedAgent> stuck = new ConcurrentHashMap<>();
    private volatile Step always;
    private volatile Runnable onObserve = () -> { };
    private volatile boolean observeFails;
    private final Map<ClientId, UnaryOperator<ObservedAgent>> seenAs = new ConcurrentHashMap<>();

    ScriptedAgentRuntime(AgentRuntime delegate) {
        this.delegate = delegate;
    }

    static Step failRetryably(String message) {
        return spec -> {
            throw PortFailure.retryable("agent-runtime", message, null);
        };
    }

    static Step failPermanently(String message) {
        return spec -> {
            throw PortFailure.permanent("agent-runtime", message, null);
        };
    }

    /** The next calls, in order; after them calls reach the real runtime (or {@link #always}). */
    synchronized ScriptedAgentRuntime thenEnsure(Step... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    /** Every call not scripted does this (null: reach the real runtime). */
    void alwaysEnsure(Step step) {
        always = step;
    }

    /** Runs {@code hook} after taking the observation and before returning it (to interleave another pass). */
    void onObserve(Runnable hook) {
        onObserve = hook;
    }

    /**
     * Until the client's next ensure, {@link #observe} reports its agent changed by {@code how} (an older image, a
     * restart the engine did): what a real runtime sees without the reconciler's doing.
     */
    void observeAs(ClientId client, UnaryOperator<ObservedAgent> how) {
        seenAs.put(client, how);
    }

    void failObserve(boolean fail) {
        observeFails = fail;
    }

    @Override
    public ObservedAgent ensure(AgentSpec spec) {
        ensureCalls.computeIfAbsent(spec.client(), c -> new AtomicInteger()).incrementAndGet();
        int now = inFlight.computeIfAbsent(spec.client(), c -> new AtomicInteger()).incrementAndGet();
        mostAtOnce.computeIfAbsent(spec.client(), c -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        seenAs.remove(spec.client());
        mostOfAllAtOnce.accumulateAndGet(allInFlight.incrementAndGet(), Math::max);
        duplicated.remove(spec.client()); // ensure leaves one agent per client, as every runtime's does
        stuck.remove(spec.client());
        try {
            Step step = next();
            return step == null ? delegate.ensure(spec) : step.apply(spec);
        } finally {
            inFlight.get(spec.client()).decrementAndGet();
            allInFlight.decrementAndGet();
        }
    }

    private synchronized Step next() {
        Step scripted = script.pollFirst();
        return scripted != null ? scripted : always;
    }

    /** Calls to the real runtime, for steps that do something and then go on. */
    ObservedAgent real(AgentSpec spec) {
        return delegate.ensure(spec);
    }

    int ensureCalls(ClientId client) {
        AtomicInteger calls = ensureCalls.get(client);
        return calls == null ? 0 : calls.get();
    }

    /** The most ensure calls in flight at one time, over all clients. */
    int mostEnsuresAtOnce() {
        return mostOfAllAtOnce.get();
    }

    /** Observations show a second agent for the client (as a container made by hand with its labels) until ensure. */
    void showDuplicate(ClientId client) {
        duplicated.add(client);
    }

    /**
     * Observations show {@code agent} for its client, as it is, until the client's next ensure: what the runtime
     * reports of an agent left behind (a container created but never started, by a control plane killed in between).
     */
    void showStuck(ObservedAgent agent) {
        stuck.put(agent.client(), agent);
    }

    int mostConcurrentEnsures(ClientId client) {
        AtomicInteger most = mostAtOnce.get(client);
        return most == null ? 0 : most.get();
    }

    @Override
    public List<ObservedAgent> observe() {
        if (observeFails) {
            throw PortFailure.retryable("agent-runtime", "engine unreachable", null);
        }
        List<ObservedAgent> observed = new java.util.ArrayList<>(delegate.observe().stream()
                .map(agent -> seenAs.getOrDefault(agent.client(), UnaryOperator.identity()).apply(agent)).toList());
        observed.addAll(observed.stream().filter(agent -> duplicated.contains(agent.client())).toList());
        observed.addAll(stuck.values());
        onObserve.run();
        return observed;
    }

    @Override
    public void destroy(ClientId client) {
        delegate.destroy(client);
    }

    @Override
    public Diagnostics diagnose(ClientId client, int tailLines, Optional<Instant> since) {
        return delegate.diagnose(client, tailLines, since);
    }
}
