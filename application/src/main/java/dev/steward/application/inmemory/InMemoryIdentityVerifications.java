package dev.steward.application.inmemory;

import dev.steward.application.port.verification.IdentityVerifications;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.verification.IdentityVerification;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Identity verifications in memory, for tests and embedding. */
public final class InMemoryIdentityVerifications implements IdentityVerifications {

    private final List<IdentityVerification> all = new CopyOnWriteArrayList<>();

    @Inject
    public InMemoryIdentityVerifications() {
    }

    @Override
    public void record(IdentityVerification verification) {
        all.add(verification);
    }

    @Override
    public List<IdentityVerification> ofSession(MspId msp, UUID session) {
        return all.stream().filter(v -> v.msp().equals(msp) && v.session().equals(session))
                .sorted(Comparator.comparing(IdentityVerification::at)).toList();
    }
}
