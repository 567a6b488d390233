package dev.steward.domain.workflow;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The workflows in force for one client's requests, and which of them a request matches. In force are the active
 * workflows whose scope covers the client, by precedence: the client's own, then its MSP's, then the built-in ones,
 * each by name; a workflow named (ignoring case) like one earlier in that order is replaced by it. Drafts and
 * archived workflows are ignored entirely, so they replace nothing: archiving a client's "Locked out" brings the MSP's
 * or the built-in "Locked out" back.
 */
public final class WorkflowCatalog {

    private static final Comparator<Workflow> PRECEDENCE = Comparator
            .comparingInt((Workflow w) -> w.scope().rank())
            .thenComparing(w -> w.name().key());

    private final List<Workflow> inForce;

    private WorkflowCatalog(List<Workflow> inForce) {
        this.inForce = List.copyOf(inForce);
    }

    /** From every candidate (of any scope or status); those not covering {@code client} of {@code msp} are left out. */
    public static WorkflowCatalog forClient(MspId msp, ClientId client, Collection<Workflow> candidates) {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Set<String> names = new HashSet<>();
        return new WorkflowCatalog(candidates.stream()
                .filter(Workflow::isActive)
                .filter(w -> w.scope().covers(msp, client))
                .sorted(PRECEDENCE)
                .filter(w -> names.add(w.name().key()))
                .toList());
    }

    /** Every workflow in force, in precedence order: what a model is shown. */
    public List<Workflow> inForce() {
        return inForce;
    }

    /** Those in force whose trigger phrases occur in {@code requestText}, in precedence order, each with its phrase. */
    public List<Match> matching(String requestText) {
        return inForce.stream()
                .flatMap(w -> w.trigger().matchingPhrase(requestText).map(p -> new Match(w, p)).stream())
                .toList();
    }

    /** A workflow a request matched, and the first of its phrases found. */
    public record Match(Workflow workflow, String phrase) {
        public Match {
            Objects.requireNonNull(workflow, "workflow");
            Objects.requireNonNull(phrase, "phrase");
        }
    }
}
