package dev.steward.domain.problem;

/** A delete whose typed confirmation does not match the client's name exactly. */
public final class DeletionNotConfirmed extends DomainException {

    public DeletionNotConfirmed() {
        super("client.deletion-not-confirmed",
                "confirmation must be the client's name, typed exactly (case and spaces count)");
    }
}
